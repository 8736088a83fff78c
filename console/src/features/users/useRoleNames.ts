import { useI18n } from 'vue-i18n'

/** A realm role in words (`roles.*`); a role the catalogue does not have is shown as Keycloak names it. */
export function useRoleNames() {
  const { t, te } = useI18n()
  return { roleName: (role: string) => (te(`roles.${role}`) ? t(`roles.${role}`) : role) }
}
