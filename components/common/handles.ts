/**
 * The TypeScript-only parts of a component: the child resources and components it declared, kept
 * off its fields. The component package's schema publishes every field of a component class as an
 * output that programs in every language read, so fields hold only published values (names, ids,
 * URLs, plain data); the children stay reachable from TypeScript through getters that read them
 * from here (docs/multi-language.md).
 */
export class ComponentHandles<C extends object, H> {
  private readonly byComponent = new WeakMap<C, H>();

  /** Records what `component` declared; returns it. */
  set(component: C, handles: H): H {
    this.byComponent.set(component, handles);
    return handles;
  }

  /** What `component` declared; every component records it before its constructor returns. */
  of(component: C): H {
    const handles = this.byComponent.get(component);
    if (handles === undefined) {
      throw new Error("the component's children are read before its constructor recorded them");
    }
    return handles;
  }
}
