/** Goes into every consent event's `widget.version`; a unit test keeps it equal to package.json. */
export const WIDGET_VERSION = '0.1.0';
