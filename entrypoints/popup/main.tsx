import { render } from 'preact';
import { VaultApp } from '../../components/VaultApp';
import { createVaultApi } from './api';
import './style.css';

render(<VaultApp api={createVaultApi()} />, document.getElementById('app')!);
