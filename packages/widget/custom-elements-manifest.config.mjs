// Config of `cem analyze` (run by `build:types`). The manifest is public API documentation for
// editors and frameworks, so internals stay out of it: Lit's `state` properties (named `_…`) show
// up as attributes otherwise, and events are only the documented `@fires` (all our event names
// contain a hyphen; the analyzer also guesses "events" from constructor arguments).
const isInternal = (name) => typeof name !== 'string' || name.startsWith('_') || name.startsWith('#');

export default {
  plugins: [
    {
      name: 'hide-internals',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer lists modules in the order the file system returns them, which differs
        // between machines: sorted, a build leaves the tracked manifest unchanged.
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const module of customElementsManifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !isInternal(attribute.fieldName ?? attribute.name),
              );
            if (declaration.members)
              declaration.members = declaration.members.filter(
                (member) =>
                  !isInternal(member.name) && member.privacy !== 'private' && member.privacy !== 'protected',
              );
            if (declaration.events)
              declaration.events = declaration.events.filter(
                (event) => typeof event.name === 'string' && event.name.includes('-'),
              );
          }
        }
      },
    },
  ],
};
