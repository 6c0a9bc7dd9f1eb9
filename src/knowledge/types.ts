/** One Markdown file in knowledge/. */
export interface KnowledgeDoc {
  /** Path inside knowledge/ without `.md`, e.g. `notes/ch3-docker-usage`. */
  id: string;
  /** Path from the project root, e.g. `knowledge/notes/ch3-docker-usage.md`. */
  source: string;
  kind: 'note' | 'playbook';
  chapter?: number;
  title: string;
  titleEn: string;
  aliases: string[];
  tags: string[];
  /** Diagnostic finding codes a playbook explains. */
  codes: string[];
  sections: Section[];
}

/** The unit of search: a heading's own text, or one passage of a long one. */
export interface Section {
  /** Stable: `<doc id>#<anchor>`, `~N` appended for the Nth passage of a long section. */
  id: string;
  docId: string;
  anchor: string;
  heading: string;
  /** Document title, then each enclosing heading, ending with this one. */
  headingPath: string[];
  level: number;
  text: string;
  aliases: string[];
  chapter?: number;
  source: string;
  /** `community`: a member's answer to an earlier question (src/qa), searched beside the notes. */
  kind: KnowledgeDoc['kind'] | 'community';
  /** 1-based passage number when a long section was split. */
  passage?: number;
}

export interface GlossaryTerm {
  ko: string[];
  en: string[];
  also: string[];
}

export interface KnowledgeProblem {
  file: string;
  line?: number;
  message: string;
}
