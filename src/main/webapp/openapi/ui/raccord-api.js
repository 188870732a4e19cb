// The document generated at build time, shown by Swagger UI from the application itself (no CDN).
// "Authorize" takes a bearer token from the identity provider for "Try it out".
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '../openapi.json',
    dom_id: '#api',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
};
