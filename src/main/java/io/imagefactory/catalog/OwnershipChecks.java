package io.imagefactory.catalog;

/** Every component is covered by an ownership.yaml: its group's, or one further up. */
final class OwnershipChecks {
  private OwnershipChecks() {}

  static void check(Findings f, Component c) {
    if (f.tree().ownershipGroupOf(c.name()).isEmpty()) {
      f.error(CatalogPaths.ownership(c.group()), null, "ownership.yaml is missing: no one owns the components of "
          + (c.group().isEmpty() ? "components/" : c.group()),
          "write it with owner_team and slack_channel (the notifications go there)");
    }
  }
}
