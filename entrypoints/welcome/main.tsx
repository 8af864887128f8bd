import { render } from 'preact';
import { i18n } from '#i18n';
import { WelcomeApp } from '../../components/WelcomeApp';
import { createWelcomeApi } from './api';

document.title = `${i18n.t('welcome.title')} – ${i18n.t('extName')}`;
render(<WelcomeApp api={createWelcomeApi()} />, document.getElementById('app')!);
