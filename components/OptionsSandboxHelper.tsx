import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { parsePort } from '../lib/settings/form';
import { sandboxApiBaseUrl } from '../lib/settings/schema';

interface Props {
  /** Fills the API address, and the RPC address when a port was given for it. */
  onApply: (apiBaseUrl: string, rpcUrl: string | null) => void;
}

/** Turns the sandbox's ports into its addresses on 127.0.0.1. */
export function OptionsSandboxHelper({ onApply }: Props) {
  const [apiPort, setApiPort] = useState('');
  const [rpcPort, setRpcPort] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const api = parsePort(apiPort);
    const rpc = rpcPort.trim() === '' ? null : parsePort(rpcPort);
    if (api === null || (rpcPort.trim() !== '' && rpc === null)) {
      setError(i18n.t('options.sandbox.bad_port'));
      return;
    }
    setError(null);
    onApply(sandboxApiBaseUrl(api), rpc === null ? null : `http://127.0.0.1:${rpc}`);
  };

  return (
    <fieldset class="sandbox">
      <legend>{i18n.t('options.sandbox.title')}</legend>
      <p class="hint" id="sandbox-hint">
        {i18n.t('options.sandbox.hint')}
      </p>
      <div class="row wrap">
        <div class="field">
          <label for="sandbox-api-port">{i18n.t('options.sandbox.api_port')}</label>
          <input
            id="sandbox-api-port"
            inputMode="numeric"
            size={7}
            value={apiPort}
            aria-invalid={error && parsePort(apiPort) === null ? 'true' : undefined}
            aria-describedby={error ? 'sandbox-error' : 'sandbox-hint'}
            onInput={(e) => setApiPort(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sandbox-rpc-port">{i18n.t('options.sandbox.rpc_port')}</label>
          <input
            id="sandbox-rpc-port"
            inputMode="numeric"
            size={7}
            value={rpcPort}
            aria-describedby={error ? 'sandbox-error' : 'sandbox-hint'}
            onInput={(e) => setRpcPort(e.currentTarget.value)}
          />
        </div>
        <button type="button" onClick={apply}>
          {i18n.t('options.sandbox.apply')}
        </button>
      </div>
      {error && (
        <p id="sandbox-error" class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
