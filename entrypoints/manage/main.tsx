import { render } from 'preact';
import { i18n } from '#i18n';
import { ManageApp } from '../../components/ManageApp';
import { createManageApi } from './api';

document.title = i18n.t('manage.title');
render(<ManageApp api={createManageApi()} />, document.getElementById('app')!);
