package io.imagefactory.registry;

/**
 * What a request does to a repository, which decides the token scope it needs. Distribution asks
 * {@code pull} for GET and HEAD, {@code pull,push} for POST, PUT and PATCH, and {@code delete} for
 * DELETE ({@code registry/handlers/app.go}, {@code appendAccessRecords}).
 */
enum Action {
  /** No repository: the {@code /v2/} ping. */
  NONE(""),
  PULL("pull"),
  PUSH("pull,push"),
  DELETE("delete");

  private final String actions;

  Action(String actions) {
    this.actions = actions;
  }

  /** The token scope for {@code repository}: {@code repository:acme/app:pull,push}. */
  String scope(String repository) {
    return "repository:" + repository + ":" + actions;
  }

  /** The actions as a token scope lists them, e.g. {@code pull,push}. */
  String actions() {
    return actions;
  }
}
