import { describe, expect, it } from 'vitest';
import { ClaimsError } from '../src/errors.js';
import type { ActorRegistry } from '../src/model.js';
import { slug } from '../src/ids.js';
import { actorIdFor, addActor, addAliases, findActor, mergeActors, reresolveClaims } from '../src/query/index.js';
import { claim } from './helpers/claims.js';

const registry = (): ActorRegistry => ({
  version: 1,
  actors: [
    { id: 'us-ambassador', name: 'US ambassador', kind: 'person', aliases: ['Robert Wood'] },
    { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'the Kremlin'] },
  ],
});

function refused(fn: () => unknown): ClaimsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimsError);
    return err as ClaimsError;
  }
  throw new Error('expected a ClaimsError');
}

describe('actorIdFor', () => {
  it.each(['Tomas Veld', 'Norvane Chemicals', "Côte d'Ivoire", 'U.S. State Department', '!!!'])('gives %j the id the parser gives an unknown source', (name) => {
    expect(actorIdFor(name)).toBe(slug(name));
  });
});

describe('addActor', () => {
  it('adds an actor with its aliases and a slug id; kind organisation unless given', () => {
    const edit = addActor(registry(), { name: 'Norvane Chemicals', aliases: ['Norvane', 'norvane chemicals', 'Norvane'] });
    expect(edit.actor).toEqual({ id: 'norvane-chemicals', name: 'Norvane Chemicals', kind: 'organisation', aliases: ['Norvane'] });
    expect(edit.aliasesKept).toEqual(['norvane chemicals']);
    expect(edit.created).toBe(true);
    expect(edit.registry.actors.map((a) => a.id)).toEqual(['us-ambassador', 'russia', 'norvane-chemicals']);
    expect(addActor(registry(), { name: 'Hanna Orsk', kind: 'person' }).actor.kind).toBe('person');
  });

  it('does not change the registry it was given', () => {
    const before = registry();
    addActor(before, { name: 'KCNA' });
    expect(before).toEqual(registry());
  });

  it('refuses a name or an alias that another actor goes by, case and a leading “the” aside', () => {
    expect(refused(() => addActor(registry(), { name: 'Kremlin' })).message).toBe("'Kremlin' is already a name of Russia (russia)");
    const alias = refused(() => addActor(registry(), { name: 'Kremlin Press Office', aliases: ['robert wood'] }));
    expect(alias.message).toBe("'robert wood' is already a name of US ambassador (us-ambassador)");
    expect(alias.hint).toMatch(/leave that alias out/);
  });

  it('a new id that a registry actor already has gets a number', () => {
    const reg = registry();
    reg.actors.push({ id: 'kcna', name: 'Korean Central News Agency', kind: 'organisation', aliases: [] });
    expect(addActor(reg, { name: 'KCNA!' }).actor.id).toBe('kcna-2');
  });
});

describe('addAliases', () => {
  it('adds names to a registry actor', () => {
    const edit = addAliases(registry(), [], 'moscow', ['Russian Federation', 'Russian government']);
    expect(edit.actor.aliases).toEqual(['Moscow', 'the Kremlin', 'Russian Federation', 'Russian government']);
    expect(edit.created).toBe(false);
  });

  it('brings a source seen only in claims into the registry under the id its claims have', () => {
    const claims = [claim({ speaker: ['hanna-orsk', 'Hanna Orsk', 'Lorvik mayor Hanna Orsk'] })];
    const edit = addAliases(registry(), claims, 'Hanna Orsk', ['the mayor'], 'person');
    expect(edit.actor).toEqual({ id: 'hanna-orsk', name: 'Hanna Orsk', kind: 'person', aliases: ['the mayor'] });
    expect(edit.created).toBe(true);
  });

  it('refuses an alias another actor has, and takes only whole names', () => {
    expect(refused(() => addAliases(registry(), [], 'Russia', ['Robert Wood'])).hint).toBe('one name, one actor: to make them one, run claims actors merge "US ambassador" "Russia"');
    const near = refused(() => addAliases(registry(), [], 'Wood', ['Bob']));
    expect(near.message).toBe("no actor is called 'Wood'");
    expect(near.hint).toBe("did you mean 'US ambassador'? Edits need the whole name");
  });
});

describe('mergeActors', () => {
  it('INTO takes FROM’s name and aliases, FROM leaves the registry', () => {
    const reg = registry();
    reg.actors.push({ id: 'kremlin', name: 'Kremlin spokesman', kind: 'person', aliases: ['Dmitry Peskov'] });
    const edit = mergeActors(reg, [], 'Dmitry Peskov', 'Russia');
    expect(edit.registry.actors.map((a) => a.id)).toEqual(['us-ambassador', 'russia']);
    expect(edit.actor.aliases).toEqual(['Moscow', 'the Kremlin', 'Kremlin spokesman', 'Dmitry Peskov']);
    expect(edit.merged).toEqual([{ id: 'kremlin', name: 'Kremlin spokesman' }]);
  });

  it('merges two sources seen only in claims, INTO joining the registry', () => {
    const claims = [claim({ speaker: ['tomas-veld', 'Tomas Veld'] }), claim({ speaker: ['norvane-chemicals', 'Norvane Chemicals'] })];
    const edit = mergeActors(registry(), claims, 'Tomas Veld', 'norvane-chemicals');
    expect(edit.actor).toEqual({ id: 'norvane-chemicals', name: 'Norvane Chemicals', kind: 'organisation', aliases: ['Tomas Veld'] });
    expect(edit.created).toBe(true);
  });

  it('refuses to merge an actor into itself', () => {
    expect(refused(() => mergeActors(registry(), [], 'Moscow', 'the Kremlin')).message).toBe("'Moscow' and 'the Kremlin' are the same actor (russia)");
  });
});

describe('findActor', () => {
  it('a registry name wins over a source with the same words; sources by id or name', () => {
    const claims = [claim({ speaker: ['government-source', 'government source', 'the source'] })];
    expect(findActor('the Kremlin', registry(), claims)).toMatchObject({ inRegistry: true, actor: { id: 'russia' } });
    expect(findActor('Government Source', registry(), claims)).toEqual({ inRegistry: false, id: 'government-source', name: 'government source' });
    // A mention is how one article referred to the speaker, not a name to edit by.
    expect(() => findActor('the source', registry(), claims)).toThrow(ClaimsError);
  });
});

describe('reresolveClaims', () => {
  const veld = claim({ id: 'veld', speaker: ['tomas-veld', 'Tomas Veld', 'company spokesman Tomas Veld'] });
  const company = claim({ id: 'co', speaker: ['norvane-chemicals', 'Norvane Chemicals', 'the company'] });
  const byMention = claim({ id: 'mention', speaker: ['the-firm', 'the firm', 'Norvane'] });
  const registryOwned = claim({ id: 'wood', speaker: ['us-ambassador', 'US ambassador', 'Norvane'] });

  it('claims of the merged actor, of the actor itself, and of sources that go by its names now name it', () => {
    const edit = mergeActors(registry(), [veld, company], 'Tomas Veld', 'Norvane Chemicals');
    const withAlias = addAliases(edit.registry, [], 'Norvane Chemicals', ['Norvane']);
    const { claims, changed } = reresolveClaims([veld, company, byMention, registryOwned], { ...withAlias, merged: edit.merged });
    expect(claims.map((c) => [c.id, c.speaker.id, c.speaker.name, c.speaker.mention])).toEqual([
      ['veld', 'norvane-chemicals', 'Norvane Chemicals', 'company spokesman Tomas Veld'],
      ['co', 'norvane-chemicals', 'Norvane Chemicals', 'the company'],
      ['mention', 'norvane-chemicals', 'Norvane Chemicals', 'Norvane'],
      // The parser gave this one to a registry actor: a bare mention does not take it away.
      ['wood', 'us-ambassador', 'US ambassador', 'Norvane'],
    ]);
    expect(changed).toBe(2);
  });

  it('renames the claims of an actor whose canonical name changed, and leaves the input alone', () => {
    const input = [claim({ speaker: ['environment-ministry', 'environment ministry', 'The environment ministry'] })];
    const edit = addActor(registry(), { name: 'Environment Ministry' });
    const { claims, changed } = reresolveClaims(input, edit);
    expect(claims[0]?.speaker).toEqual({ id: 'environment-ministry', name: 'Environment Ministry', mention: 'The environment ministry' });
    expect(changed).toBe(1);
    expect(input[0]?.speaker.name).toBe('environment ministry');
  });
});
