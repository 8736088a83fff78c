import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { answer, targetsApi } from '@/shared/api/client'
import type { components } from '@/generated/targets-service'

export type OrgTreeNode = components['schemas']['OrgTreeNode']

/**
 * The caller's part of the org tree (targets-service answers the subtree of the caller's own unit),
 * loaded once per sign-in: the unit picker offers exactly these units, and a unit that is not in it
 * is outside the caller's scope.
 */
export const useOrgTree = defineStore('orgTree', () => {
  const root = ref<OrgTreeNode | null>(null)
  /** The tree could not be read (the API refused it, or did not answer). */
  const unavailable = ref(false)
  let loading: Promise<boolean> | null = null

  const byCode = computed(() => {
    const units = new Map<string, { node: OrgTreeNode; parent: OrgTreeNode | null }>()
    const visit = (node: OrgTreeNode, parent: OrgTreeNode | null) => {
      if (node.code) {
        units.set(node.code, { node, parent })
      }
      node.children?.forEach((child) => visit(child, node))
    }
    if (root.value) {
      visit(root.value, null)
    }
    return units
  })

  /**
   * Reads the tree once; true once it is there. Never rejects (Pinia hands every caller a promise
   * of its own, so a rejection would go unhandled wherever the read is only started): a tree that
   * cannot be read (a role that reads no records, `user-admin` alone, is refused it) answers false,
   * sets {@link unavailable}, and the next call asks again.
   */
  function load(): Promise<boolean> {
    loading ??= answer(targetsApi.GET('/api/org-units', {})).then(
      (tree) => {
        root.value = tree
        unavailable.value = false
        return true
      },
      () => {
        unavailable.value = true
        loading = null
        return false
      },
    )
    return loading
  }

  function find(code: string): OrgTreeNode | undefined {
    return byCode.value.get(code)?.node
  }

  /** Aliases (former codes) lead to the unit under its current code. */
  function current(code: string): OrgTreeNode | undefined {
    return find(code) ?? [...byCode.value.values()].find(({ node }) => node.aliases?.includes(code))?.node
  }

  return { root, unavailable, load, find, current }
})
