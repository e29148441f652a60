import { describe, expect, it } from '@jest/globals'
import {
  cacheUsage,
  formatBytes,
  imagesToRemove,
  type DiskUsage
} from '../../../../src/engine/cache/prune.js'

const image = (
  Id: string,
  Created: number,
  Size: number,
  SharedSize = 0,
  Containers = 0
) => ({
  Id,
  Created,
  Size,
  SharedSize,
  Containers
})

describe('prune decisions', () => {
  const df: DiskUsage = {
    LayersSize: 900,
    Images: [
      image('new', 30, 300),
      image('old', 10, 400, 100),
      image('used', 5, 500, 0, 1),
      image('mid', 20, 200)
    ],
    BuildCache: [{ Size: 100 }, { Size: 50, Shared: true }]
  }

  it('counts layers and unshared build cache', () => {
    expect(cacheUsage(df)).toBe(1000)
    expect(cacheUsage({})).toBe(0)
  })

  it('removes unused images oldest first, only until the limit is met', () => {
    expect(imagesToRemove(df, 1000)).toEqual([])
    // old frees 300 (400 - 100 shared): 700 ≤ 800.
    expect(imagesToRemove(df, 800)).toEqual(['old'])
    expect(imagesToRemove(df, 600)).toEqual(['old', 'mid'])
    // An image a container uses is never chosen.
    expect(imagesToRemove(df, 0)).toEqual(['old', 'mid', 'new'])
  })

  it('formats sizes as docker does', () => {
    expect([999, 1500, 10e9, 2.5e12].map(formatBytes)).toEqual([
      '999 B',
      '1.5 KB',
      '10.0 GB',
      '2.5 TB'
    ])
  })
})
