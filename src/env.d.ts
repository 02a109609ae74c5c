declare namespace App {
  interface Locals {
    lang: import('./i18n/locales').Locale;
    t: import('./i18n').T;
  }
}
