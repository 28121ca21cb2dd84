/// One task of a tiled run: the towers standing in one tile of the lattice, and the window of
/// the grid their sweeps need.
public struct PlannedTile: Sendable, Equatable, Codable {
    /// The task number (0-based; the array index a scheduler hands out).
    public var index: Int
    /// The tile's column and row on the lattice.
    public var latticeCol: Int
    public var latticeRow: Int
    /// The tile's cells.
    public var tile: CellWindow
    /// The cells a task reads and may write: the tile and the reach of each of its towers
    /// (the halo), on the terrain-bound blocks' lattice.
    public var window: CellWindow
    /// Indices (best_server.tif values) of the towers standing in the tile, ascending.
    public var towerIndices: [Int]
}

/// Splits an analysis grid into square tiles on a lattice anchored at the grid's corner, and
/// gives each tile that holds a tower a window for its towers' sweeps.
///
/// Each tower belongs to the one tile its cell lies in, and is swept there, in full: a tiled run
/// sweeps every tower once, as a single run does, and merging the tiles' partial grids with the
/// sweep's own order-free rule (largest value, ties to the lower index; counts summed) gives
/// the single run's grids. For a tower's sweep to be the single run's to the bit, its window
/// holds everything the sweep reads: its whole disc (to the automatic reach's cap), the grid
/// margin a single run keeps, and the terrain-ahead blocks around the disc, on the blocks'
/// own lattice so that every block is the single run's.
public enum TileLattice {
    /// - Parameters:
    ///   - gridWidth, gridHeight: the analysis grid, cells.
    ///   - tileCells: the tile side, cells.
    ///   - sites: the towers' `index`, `col` and `row` on the grid.
    ///   - discRadiusCells: the farthest cell any tower may be evaluated to, cells.
    ///   - marginCells: cells kept around each disc.
    ///   - alignCells: the block size windows are aligned to.
    public static func plan(gridWidth: Int, gridHeight: Int, tileCells: Int, sites: [(index: Int, col: Int, row: Int)],
                            discRadiusCells: Int, marginCells: Int, alignCells: Int) -> [PlannedTile] {
        precondition(tileCells >= 1 && alignCells >= 1)
        let tilesWide = (gridWidth + tileCells - 1) / tileCells
        var byTile: [Int: [(index: Int, col: Int, row: Int)]] = [:]
        for s in sites {
            byTile[(s.row / tileCells) * tilesWide + s.col / tileCells, default: []].append(s)
        }
        var tiles: [PlannedTile] = []
        let reach = discRadiusCells + marginCells
        for key in byTile.keys.sorted() {
            let members = byTile[key]!.sorted { $0.index < $1.index }
            let tc = key % tilesWide, tr = key / tilesWide
            let tile = CellWindow(col0: tc * tileCells, row0: tr * tileCells,
                                  width: min(tileCells, gridWidth - tc * tileCells), height: min(tileCells, gridHeight - tr * tileCells))
            var window = tile
            for s in members {
                window = window.union(CellWindow(col0: s.col - reach, row0: s.row - reach, width: 2 * reach + 1, height: 2 * reach + 1))
            }
            tiles.append(PlannedTile(index: tiles.count, latticeCol: tc, latticeRow: tr, tile: tile,
                                     window: window.aligned(to: alignCells, clippedToWidth: gridWidth, height: gridHeight),
                                     towerIndices: members.map(\.index)))
        }
        return tiles
    }
}
