/** The name under which the theme registers the username check (components/theme); the page model sets it as ui:widget. */
export const USERNAME_WIDGET = "username";
/** The email field whose address the vendor checks (Connector.checkEmail): its verdict and the person's choice. */
export const EMAIL_WIDGET = "emailCheck";
