import type { Executor } from '../../platform/db/client';
import { addFigureDeltas } from '../../platform/figures';
import type { UnitMoved } from '../../platform/domain-events';
import type { SimilarRegistration } from '../../../shared/contracts/registrations';
import { twinFlagDeltas } from './registration-machine';
import {
  findComparedRegistration,
  insertPairs,
  listCandidateFingerprints,
  listPairedAcross,
  listPairedRegistrationIds,
  listSimilarRegistrations,
  lockRegistrationsInOrder,
  storeFingerprintDroppingPairs,
  updateTwinFlags,
  type SimilarityPair,
} from './similarity.repo';

/**
 * Two registrations sharing this share of their word pairs count as near-identical. Measured on
 * the demo texts: honest registrations written from the same guidance stay below 0.55, copies with
 * clauses or actions reordered, or diacritics dropped, stay above 0.9.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/**
 * The fingerprint of a folded text: the set of its pairs of consecutive syllables (a Vietnamese
 * word is mostly two syllables), hashed. Folding removes diacritics and case; a set ignores the
 * order of clauses and actions. Character trigrams were tried first: every Vietnamese text of this
 * length shares most of its trigrams with every other, so honest registrations scored 0.7–0.8.
 */
export function fingerprintOf(searchText: string): Uint32Array {
  const words = searchText.split(/[^a-z0-9]+/).filter(Boolean);
  const hashes = new Set<number>();
  for (let index = 0; index + 1 < words.length; index++) hashes.add(hashOf(`${words[index]} ${words[index + 1]}`));
  if (words.length === 1) hashes.add(hashOf(words[0]!));
  return Uint32Array.from([...hashes].sort((a, b) => a - b));
}

/** 32-bit FNV-1a: collisions among a few hundred word pairs are too rare to move a similarity. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Jaccard similarity of two sorted fingerprints (shared / union). */
export function similarityOf(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

/** `kind`: individual registrations are compared with individual ones, collective with collective. */
export type SimilarityItem = { id: number; kind: string; unitPath: string; parentPath: string; fingerprint: Uint32Array };

/** The parent's path, for bulk loads of trees in which nobody sits right under a province (PARENT_PATH is the full rule). */
export const parentPathOf = (unitPath: string) => (unitPath.includes('.') ? unitPath.slice(0, unitPath.lastIndexOf('.')) : unitPath);
const isWithin = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/**
 * Near-identical pairs among many registrations of one year, each compared with those of its
 * parent unit's subtree (its unit and the level above). Used for bulk loads; returns each pair once
 * per direction in which it is visible.
 */
export function pairsAmong(items: SimilarityItem[]): Array<{ registrationId: number; otherId: number; similarity: number }> {
  const pairs = new Map<string, { registrationId: number; otherId: number; similarity: number }>();
  const byParent = new Map<string, SimilarityItem[]>();
  for (const item of items)
    byParent.set(`${item.kind}|${item.parentPath}`, [...(byParent.get(`${item.kind}|${item.parentPath}`) ?? []), item]);
  for (const group of byParent.values()) {
    const { kind, parentPath } = group[0]!;
    const candidates = items.filter((item) => item.kind === kind && isWithin(item.unitPath, parentPath));
    for (const item of group) {
      for (const other of candidates) {
        if (other.id === item.id) continue;
        const similarity = similarityOf(item.fingerprint, other.fingerprint);
        if (similarity < SIMILARITY_THRESHOLD) continue;
        const rounded = Math.round(similarity * 1000) / 1000;
        pairs.set(`${item.id}:${other.id}`, { registrationId: item.id, otherId: other.id, similarity: rounded });
        pairs.set(`${other.id}:${item.id}`, { registrationId: other.id, otherId: item.id, similarity: rounded });
      }
    }
  }
  return [...pairs.values()];
}

/** A fingerprint as stored in registrations.fingerprint: its uint32s, little-endian. */
export function encodeFingerprint(fingerprint: Uint32Array): Buffer {
  const buffer = Buffer.alloc(fingerprint.length * 4);
  fingerprint.forEach((hash, index) => buffer.writeUInt32LE(hash, index * 4));
  return buffer;
}

/** What registrations.fingerprint holds for a folded text: null for an empty one (nothing to compare). */
export function storedFingerprintOf(searchText: string): Buffer | null {
  return searchText ? encodeFingerprint(fingerprintOf(searchText)) : null;
}

export function decodeFingerprint(stored: Buffer): Uint32Array {
  const fingerprint = new Uint32Array(stored.length / 4);
  for (let index = 0; index < fingerprint.length; index++) fingerprint[index] = stored.readUInt32LE(index * 4);
  return fingerprint;
}

/**
 * Recomputes the near-identical pairs of one registration after its content was written: compares
 * it with every registration of the same year and kind in its parent unit's subtree (no wider than
 * a province's child: PARENT_PATH in registrations.repo.ts), in the writer's
 * transaction. The pairs are stored both ways, so the others' flags follow too. Its fingerprint is
 * stored with it, so later writers compare with it without folding and hashing its text again; a
 * Jaccard index of at least the threshold needs sizes within that ratio, so others are not read.
 */
export async function refreshSimilarities(
  tx: Executor,
  registrationId: number,
  /** What the writer already holds of the registration, so it is not read back. */
  known?: { year: number; kind: string; searchText: string; unitPath: string },
): Promise<void> {
  const me = known ?? (await findComparedRegistration(tx, registrationId));
  const mine = fingerprintOf(me?.searchText ?? '');
  const formerPartners = await storeFingerprintDroppingPairs(tx, registrationId, me?.searchText ? encodeFingerprint(mine) : null);
  if (!me || !me.searchText || mine.length === 0) {
    await settleTwins(tx, [registrationId, ...formerPartners]);
    return;
  }
  const smallest = Math.ceil(mine.length * SIMILARITY_THRESHOLD) * 4;
  const largest = Math.floor(mine.length / SIMILARITY_THRESHOLD) * 4;
  const candidates = await listCandidateFingerprints(tx, {
    unitPath: me.unitPath,
    year: me.year,
    kind: me.kind,
    exceptId: registrationId,
    smallestBytes: smallest,
    largestBytes: largest,
  });
  const pairs: SimilarityPair[] = [];
  for (const candidate of candidates) {
    const theirs = candidate.fingerprint ? decodeFingerprint(candidate.fingerprint) : fingerprintOf(candidate.search_text ?? '');
    const similarity = similarityOf(mine, theirs);
    if (similarity < SIMILARITY_THRESHOLD) continue;
    const rounded = Math.round(similarity * 1000) / 1000;
    pairs.push(
      { registrationId, otherId: Number(candidate.id), similarity: rounded },
      { registrationId: Number(candidate.id), otherId: registrationId, similarity: rounded },
    );
  }
  await insertPairs(tx, pairs);
  await settleTwins(tx, [registrationId, ...formerPartners, ...pairs.map((pair) => pair.registrationId)]);
}

/**
 * Brings has_twin of these registrations in line with their stored pairs and their units' places,
 * and the "with a twin" figure with it, in the writer's transaction. The rows are locked in id order
 * first and the pairs read by the next statement, after the locks: two writers pairing the same
 * registration see each other's pairs, and a status change waiting on the row counts the flag it
 * finds (the status machine reads the row locked).
 */
export async function settleTwins(tx: Executor, ids: number[]): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  await lockRegistrationsInOrder(tx, sorted);
  await addFigureDeltas(tx, twinFlagDeltas(await updateTwinFlags(tx, sorted, SIMILARITY_THRESHOLD)));
}

/** After a bulk load wrote pairs directly (pairsAmong): every paired registration is settled. */
export async function settleAllTwins(tx: Executor): Promise<number> {
  const ids = await listPairedRegistrationIds(tx);
  await settleTwins(tx, ids);
  return ids.length;
}

/**
 * A moved subtree changes which pairs across its edge lie in a parent unit's subtree: its top
 * unit has a new parent, and units above its old place no longer hold it. The counters moved with
 * the subtree already (units.service.ts); the flags of those pairs' registrations follow here.
 */
export async function followUnitMove(tx: Executor, event: UnitMoved): Promise<void> {
  await settleTwins(tx, await listPairedAcross(tx, event.toUnitPath));
}

/** Registrations near-identical to this one inside its parent unit's subtree, most similar first. */
export async function findSimilar(executor: Executor, registrationId: number, limit = 10): Promise<SimilarRegistration[]> {
  const rows = await listSimilarRegistrations(executor, registrationId, limit);
  return rows.map((row) => ({
    id: Number(row.id),
    unitName: row.unit_name,
    personName: row.person_name,
    kind: row.kind,
    status: row.status,
    similarity: Number(row.similarity),
    excerpt: row.excerpt,
  }));
}
