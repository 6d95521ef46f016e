// The subject as it is now: a channel with its reported and recent posts, a bot, or a sticker set.
import { formatDateTime } from '../shared/format.ts';
import type { SubjectNow } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';
import { MediaImage } from './media-image.tsx';
import { PostCard } from './post-card.tsx';

export function CaseSubject({ subject }: { subject: SubjectNow | null }) {
  if (!subject) return <p className="muted">The subject no longer exists, or it is private and its content is never read.</p>;
  return (
    <div className="subject">
      <dl className="facts">
        <div>
          <dt>Public link</dt>
          <dd>
            <a href={subject.link} target="_blank" rel="noreferrer noopener">
              {subject.link}
            </a>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(subject.createdAt)}</dd>
        </div>
        {subject.kind === 'channel' && (
          <div>
            <dt>Subscribers</dt>
            <dd>{subject.subscribers.toLocaleString('en')}</dd>
          </div>
        )}
      </dl>
      {subject.kind === 'channel' && <ChannelSubject subject={subject} />}
      {subject.kind === 'bot' && (
        <>
          <UserText as="p" className="subject-description" text={subject.description} />
          {subject.picture && <MediaImage media={subject.picture} revealKey={`bot:${subject.picture.id}`} description="Bot picture" />}
        </>
      )}
      {subject.kind === 'sticker_set' && (
        <div className="post-media">
          {subject.stickers.map((m, i) => (
            <MediaImage key={m.id} media={m} revealKey={`sticker:${m.id}`} description={`Sticker ${i + 1}`} />
          ))}
        </div>
      )}
    </div>
  );
}

function ChannelSubject({ subject }: { subject: Extract<SubjectNow, { kind: 'channel' }> }) {
  const reportedIds = new Set(subject.reportedPosts.map((p) => p.id));
  const others = subject.recentPosts.filter((p) => !reportedIds.has(p.id));
  return (
    <>
      {subject.description && <UserText as="p" className="subject-description" text={subject.description} />}
      <h3>Reported posts ({subject.reportedPosts.length})</h3>
      {subject.reportedPosts.length === 0 ? (
        <p className="muted">The reports name the channel, not particular posts.</p>
      ) : (
        subject.reportedPosts.map((p) => <PostCard key={p.id} post={p} context="reported" />)
      )}
      <h3>Recent posts ({others.length})</h3>
      {others.length === 0 ? <p className="muted">No other recent posts.</p> : others.map((p) => <PostCard key={p.id} post={p} context="recent" />)}
    </>
  );
}
