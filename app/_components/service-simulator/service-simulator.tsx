/**
 * The MDX-facing <ServiceSimulator>: the first fenced block inside it is the SAM template, the
 * second the drive file (stimuli), both YAML.
 */
import { Children, isValidElement, type ReactNode } from "react";
import { ServiceSimulatorClient } from "./service-simulator-client";

function codeBlocks(children: ReactNode): string[] {
  const blocks: string[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement<{ children?: ReactNode }>(child)) continue;
    const inner = child.props.children;
    if (isValidElement<{ children?: ReactNode }>(inner) && typeof inner.props.children === "string") blocks.push(inner.props.children);
    else if (typeof inner === "string" && child.type === "code") blocks.push(inner);
  }
  return blocks;
}

export function ServiceSimulator({ id, title, children }: { id: string; title?: string; children?: ReactNode; expect?: string }) {
  const [template, drive] = codeBlocks(children);
  if (!template || !drive) throw new Error(`<ServiceSimulator id="${id}"> needs two fenced yaml blocks: the template, then the drive file`);
  return <ServiceSimulatorClient id={id} title={title} template={template} drive={drive} />;
}
