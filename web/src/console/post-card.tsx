// A channel post as it is now: number, time, text (any direction) and media.
import { formatDateTime } from '../shared/format.ts';
import type { PostView } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';
import { MediaFile, MediaImage } from './media-image.tsx';

export function PostCard({ post, context }: { post: PostView; context: string }) {
  return (
    <article className={post.reported ? 'post reported' : 'post'} aria-label={`Post ${post.number}`}>
      <header className="post-head">
        <a className="post-number" href={post.link} target="_blank" rel="noreferrer noopener">
          Post #{post.number}
        </a>
        <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
        {post.reported && <span className="flag-reported">Reported</span>}
        {post.deletedAt && <span className="muted">Deleted by the platform</span>}
      </header>
      {post.text && <UserText as="p" className="post-text" text={post.text} />}
      {post.media.length > 0 && (
        <div className="post-media">
          {post.media.map((m, i) =>
            m.mime.startsWith('image/') ? (
              <MediaImage key={m.id} media={m} revealKey={`${context}:${post.id}:${m.id}`} description={`Image ${i + 1} of post ${post.number}`} />
            ) : (
              <MediaFile key={m.id} media={m} />
            ),
          )}
        </div>
      )}
    </article>
  );
}
