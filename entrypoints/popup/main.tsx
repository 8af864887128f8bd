import { render } from 'preact';

function Popup() {
  return <main>Venice Key Wallet</main>;
}

render(<Popup />, document.getElementById('app')!);
