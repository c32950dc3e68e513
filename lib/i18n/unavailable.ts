/** The words of the form pages' error boundaries (English, as they cannot know the form), kept out of the catalogue's chunk. */
export const unavailable = {
  unavailableTitle: "Sorry, there is a problem with the service",
  formUnavailable: "The form is unavailable right now. Please try again in a few minutes.",
  retry: "Try again",
};
