import { render } from 'preact';
import { i18n } from '#i18n';
import { ManageApp } from '../../components/ManageApp';
import { createManageApi } from './api';

const api = createManageApi();
// Asked before the first render: the vault's status, then at once the list (lib/manage/open.ts).
// The two marks let `npm run bench` (manage_list) say where the page's time goes.
performance.mark('manage-open-sent');
const opening = api.open();
opening.then(() => performance.mark('manage-open-answered'), () => undefined);
document.title = i18n.t('manage.title');
render(<ManageApp api={api} opening={opening} />, document.getElementById('app')!);
