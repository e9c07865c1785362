import { createPodFrame, type PodFrame } from './frame';

/** The docked pane's fixed parts: the section, the Preact root for its controls, and the frame. */
export interface PaneShell {
  section: HTMLElement;
  /** Where Preact renders the grip, header and summary (`display: contents`: they lay out as the section's own). */
  ui: HTMLElement;
  frame: PodFrame;
  remove(): void;
}

/** Builds the pane with its frame already requesting `url`: the header renders after the frame request. */
export function createPaneShell(doc: Document, container: Element, url: string, title: string): PaneShell {
  const section = doc.createElement('section');
  section.className = 'pane';
  const ui = doc.createElement('div');
  ui.className = 'pane-ui';
  section.append(ui);
  container.append(section);
  const frame = createPodFrame(doc, section, url, title);
  return { section, ui, frame, remove: () => section.remove() };
}
