// Script-tag entry: registers <messenger-optin>.
import './define.js';
