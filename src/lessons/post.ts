/** Lesson posts: numbered like an explainer thread, each within Discord's message limit. */

/** Discord rejects messages longer than this. */
export const MAX_POST_CHARS = 2000;
/** Discord accepts at most this many attachments on one message. */
export const MAX_IMAGES_PER_POST = 10;

export interface LessonImage {
  /** Attachment name, unique within one lesson (also the file name under the CLI's --out). */
  filename: string;
  png: Buffer;
  /** Alt text, in the lesson's language. */
  description?: string;
}

export interface LessonPost {
  /** 1-based position in the thread. */
  index: number;
  total: number;
  /** The message text; starts with "index/total". */
  content: string;
  images: LessonImage[];
}

/** A post before numbering: what a generator produces. */
export interface Draft {
  text: string;
  images?: LessonImage[];
}

/**
 * Numbers the drafts "1/n", "2/n", ... and checks Discord's limits. A post that does not fit is a bug
 * in the lesson (its text is fixed and its numbers short), so it throws rather than truncating.
 */
export function assemblePosts(drafts: readonly Draft[]): LessonPost[] {
  const total = drafts.length;
  const seen = new Set<string>();
  return drafts.map((draft, i) => {
    const index = i + 1;
    const content = `${index}/${total} ${draft.text.trim()}`;
    const images = draft.images ?? [];
    if (content.length > MAX_POST_CHARS) throw new RangeError(`lesson post ${index}/${total} has ${content.length} characters (limit ${MAX_POST_CHARS})`);
    if (images.length > MAX_IMAGES_PER_POST) throw new RangeError(`lesson post ${index}/${total} has ${images.length} images`);
    for (const image of images) {
      if (seen.has(image.filename)) throw new RangeError(`lesson image name ${image.filename} is used twice`);
      seen.add(image.filename);
    }
    return { index, total, content, images };
  });
}
