import BlankSpotCore
import Testing

/// The tiling's two pieces against oracles: the lattice (every tower in one tile, every window
/// holding its towers' discs on the blocks' lattice) and the mosaic's merge (the best value,
/// the lowest index on ties, the nearest tower for line of sight, and the counts, found by
/// brute force over all towers, whatever order the partials arrive in).
@Suite struct TilingTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func latticeHoldsEveryTowerOnceWithItsDisc() {
        var rng = Generator(state: 7)
        let w = 403, h = 257
        let sites = (0..<60).map { ($0, Int.random(in: 0..<w, using: &rng), Int.random(in: 0..<h, using: &rng)) }
        let tiles = TileLattice.plan(gridWidth: w, gridHeight: h, tileCells: 100, sites: sites.map { (index: $0.0, col: $0.1, row: $0.2) },
                                     discRadiusCells: 30, marginCells: 5, alignCells: 16)
        #expect(tiles.flatMap(\.towerIndices).sorted() == Array(0..<60))
        #expect(tiles.map(\.index) == Array(0..<tiles.count))
        for t in tiles {
            #expect(t.window.col0 % 16 == 0 && t.window.row0 % 16 == 0)
            #expect(t.window.colEnd % 16 == 0 || t.window.colEnd == w)
            #expect(t.window.rowEnd % 16 == 0 || t.window.rowEnd == h)
            #expect(t.tile.col0 == t.latticeCol * 100 && t.tile.row0 == t.latticeRow * 100)
            for i in t.towerIndices {
                let s = sites[i]
                #expect(t.tile.contains(col: s.1, row: s.2))
                #expect(t.window.col0 <= max(0, s.1 - 35) && t.window.colEnd >= min(w, s.1 + 36))
                #expect(t.window.row0 <= max(0, s.2 - 35) && t.window.rowEnd >= min(h, s.2 + 36))
            }
        }
    }

    @Test(arguments: [false, true])
    func mosaicMergeEqualsBruteForce(lineOfSight: Bool) {
        var rng = Generator(state: lineOfSight ? 11 : 5)
        let grid = GridGeometry(originXM: 0, originYM: 0, cellSizeM: 30, width: 40, height: 30, crsWKT: "")
        let towers = 9
        let cells = (0..<towers).map { _ in (col: Int.random(in: 0..<40, using: &rng), row: Int.random(in: 0..<30, using: &rng)) }
        // Each tower's values over a random window; values on a coarse lattice so ties occur.
        var perTower: [(window: CellWindow, values: [Float])] = []
        for _ in 0..<towers {
            let c0 = Int.random(in: 0..<30, using: &rng), r0 = Int.random(in: 0..<20, using: &rng)
            let win = CellWindow(col0: c0, row0: r0, width: Int.random(in: 1...(40 - c0), using: &rng), height: Int.random(in: 1...(30 - r0), using: &rng))
            perTower.append((win, (0..<win.cellCount).map { _ in Float(Int.random(in: -4...4, using: &rng)) }))
        }
        // Brute force: per cell over all towers.
        var best = [Int32](repeating: 0, count: grid.cellCount), count = [UInt16](repeating: 0, count: grid.cellCount)
        var bestValue = [Float](repeating: -.infinity, count: grid.cellCount)
        for row in 0..<30 {
            for col in 0..<40 {
                let g = row * 40 + col
                for t in 0..<towers {
                    let win = perTower[t].window
                    guard win.contains(col: col, row: row) else { continue }
                    let v = perTower[t].values[(row - win.row0) * win.width + col - win.col0]
                    if lineOfSight {
                        count[g] += 1
                        let d = { (k: Int) in (col - cells[k].col) * (col - cells[k].col) + (row - cells[k].row) * (row - cells[k].row) }
                        if best[g] == 0 || d(t) < d(Int(best[g]) - 1) { best[g] = Int32(t + 1) }
                    } else {
                        if v >= 0 { count[g] += 1 }
                        if v > bestValue[g] { bestValue[g] = v; best[g] = Int32(t + 1) }
                    }
                }
            }
        }
        // Partials: towers grouped in threes (as tiles would hold them), merged in two orders.
        func partial(_ group: [Int]) -> PartialCoverage {
            let win = group.map { perTower[$0].window }.reduce(perTower[group[0]].window) { $0.union($1) }
            var pb = [Int32](repeating: 0, count: win.cellCount), pc = [UInt16](repeating: 0, count: win.cellCount)
            var pv = [Float](repeating: -.infinity, count: win.cellCount)
            for t in group {
                let tw = perTower[t].window
                for r in tw.row0..<tw.rowEnd {
                    for c in tw.col0..<tw.colEnd {
                        let v = perTower[t].values[(r - tw.row0) * tw.width + c - tw.col0]
                        let i = (r - win.row0) * win.width + c - win.col0
                        if lineOfSight {
                            pc[i] += 1
                            let d = { (k: Int) in (c - cells[k].col) * (c - cells[k].col) + (r - cells[k].row) * (r - cells[k].row) }
                            if pb[i] == 0 || d(t) < d(Int(pb[i]) - 1) || (d(t) == d(Int(pb[i]) - 1) && t + 1 < pb[i]) { pb[i] = Int32(t + 1) }
                        } else {
                            if v >= 0 { pc[i] += 1 }
                            if v > pv[i] || (v == pv[i] && Int32(t + 1) < pb[i]) { pv[i] = v; pb[i] = Int32(t + 1) }
                        }
                    }
                }
            }
            return PartialCoverage(window: win, bestValue: lineOfSight ? nil : pv, bestTower: pb, serverCount: pc)
        }
        let groups = [[0, 1, 2], [3, 4, 5], [6, 7, 8]].map(partial)
        for order in [[0, 1, 2], [2, 0, 1]] {
            let mosaic = CoverageMosaic(grid: grid, lineOfSight: lineOfSight, towerCells: cells)
            for k in order { mosaic.add(groups[k]) }
            let g = mosaic.grids(servedExtentM: [], reach: [])
            #expect(Array(g.bestTower) == best)
            #expect(Array(g.serverCount) == count)
            if !lineOfSight { #expect(Array(g.bestValue!) == bestValue) }
        }
    }
}
