// Script-tag entry: registers <messenger-optin> and, when its own <script> tag carries data-*
// attributes, mounts a floating launcher with them:
//   <script type="module" src=".../messenger-optin.js" data-company="Firma"
//           data-channels='[{"type":"whatsapp","phone":"+49 170 1234567"}]'
//           data-privacy-policy="https://example.com/privacy"></script>
import './define.js';
import { mountFromScript } from './auto-mount.js';

export { MessengerOptin } from './messenger-optin.js';

mountFromScript(import.meta.url);
