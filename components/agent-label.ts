/** How an agent is shown: the name, else the id, else a dash (settings never filled in). */
export function agentLabel(agent: { agentName: string; agentId: string }): string {
  return agent.agentName || agent.agentId || '—';
}
