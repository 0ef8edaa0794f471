/**
 * The turns the parts of the search index take (src/integrations/search-stages.ts): one part adds
 * its documents while another writes its files, never two at the same stage, in the order asked.
 */
import { describe, expect, it } from 'vitest';
import { Stages } from '../../src/integrations/search-stages.ts';

describe('Stages', () => {
  it('gives each stage to one part at a time, in the order the parts asked for it', async () => {
    const stages = new Stages();
    const events: string[] = [];
    const part = async (name: string, addMs: number, writeMs: number): Promise<void> => {
      const leaveAdding = await stages.adding.take();
      events.push(`${name} adds`);
      await new Promise((resolve) => setTimeout(resolve, addMs));
      const leaveWriting = await stages.writing.take();
      leaveAdding();
      events.push(`${name} writes`);
      await new Promise((resolve) => setTimeout(resolve, writeMs));
      events.push(`${name} written`);
      leaveWriting();
    };
    // The second part adds while the first writes; the third waits for the first to be written,
    // as the second cannot write before then and holds its turn at adding until it can.
    await Promise.all([part('a', 5, 40), part('b', 5, 5), part('c', 5, 5)]);
    expect(events).toEqual(['a adds', 'a writes', 'b adds', 'a written', 'b writes', 'c adds', 'b written', 'c writes', 'c written']);
  });

  it('lets no two parts hold a stage when one leaves it twice (a failure leaves it again on the way out)', async () => {
    const stages = new Stages();
    const held: string[] = [];
    const leaveA = await stages.writing.take();
    const holding = (name: string) => (leave: () => void) => {
      held.push(name);
      return leave;
    };
    const b = stages.writing.take().then(holding('b'));
    const c = stages.writing.take().then(holding('c'));
    leaveA();
    leaveA();
    const leaveB = await b;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(held, 'c waits for b, though a left twice').toEqual(['b']);
    leaveB();
    (await c)();
    expect(held).toEqual(['b', 'c']);
  });
});
