// The server reuses the extension's vocabularies (CHANNELS and OUTCOMES in lib/guard/context.ts),
// and that file also declares the in-page GuardContext, whose `win` field names the DOM's Window.
// The server never touches that field; this opaque stand-in lets the server's type check keep its
// no-DOM rule (any real DOM use here still fails) without pulling the DOM library in.
type Window = { readonly __domWindowUnavailableOnTheServer: never };
