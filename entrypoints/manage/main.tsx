import { render } from 'preact';
import { i18n } from '#i18n';
import { ManageApp } from '../../components/ManageApp';
import { createManageApi } from './api';

const api = createManageApi();
// Asked before the first render: the vault's status and the list arrive in one round trip.
const opening = api.open();
document.title = i18n.t('manage.title');
render(<ManageApp api={api} opening={opening} />, document.getElementById('app')!);
