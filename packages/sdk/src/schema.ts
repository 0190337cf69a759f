// Entry "@messenger-optin/sdk/schema": zod schemas and types of channels, widget config and
// consent events, for servers and tests. Browser code imports the same schemas (zod/mini).
export {};
