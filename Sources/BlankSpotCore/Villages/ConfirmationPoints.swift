/// Where a village's verdict is confirmed point to point (`blankspot villages --confirm`).
///
/// The choice, documented in docs/data.md (village confirmation): the village's cell nearest its centroid, plus up to
/// `maxPopulated` populated cells: with people per cell known (a population raster), the most
/// populated cells (ties to the lower cell index), each weighted by its people; without one
/// (people spread evenly, or no population), cells spread evenly through the village's cell
/// list (row-major order), equally weighted. The centroid point weighs the mean of the others
/// (1 when alone). Each cell appears once (a populated cell that is also the centroid's counts as
/// the centroid point). Cells without terrain are never chosen.
public enum ConfirmationPoints {
    public struct Point: Sendable, Equatable {
        public var cell: Int
        public var weight: Double
        public var isCentroid: Bool
    }

    /// - Parameters:
    ///   - cells: the village's cells (``VillageAggregation/cellLists(villageCount:cells:)``).
    ///   - centroidCol, centroidRow: the centroid's position in (fractional) grid cells.
    ///   - hasTerrain: whether a cell has terrain.
    ///   - populationPerCell: people per cell from a raster, or nil.
    public static func select(cells: [Int], width: Int, centroidCol: Double, centroidRow: Double, hasTerrain: (Int) -> Bool,
                              populationPerCell: [Float]?, maxPopulated: Int) -> [Point] {
        let list = cells.filter(hasTerrain)
        guard !list.isEmpty else { return [] }
        // The cell nearest the centroid (ties to the lower index).
        var centroidCell = list[0], best = Double.infinity
        for c in list {
            let dc = Double(c % width) + 0.5 - centroidCol, dr = Double(c / width) + 0.5 - centroidRow
            let d2 = dc * dc + dr * dr
            if d2 < best || (d2 == best && c < centroidCell) {
                best = d2
                centroidCell = c
            }
        }
        var points: [Point] = []
        if let populationPerCell {
            let populated = list.compactMap { c -> (Int, Double)? in
                let p = populationPerCell[c]
                return p.isNaN || p <= 0 ? nil : (c, Double(p))
            }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            points = populated.prefix(maxPopulated).map { Point(cell: $0.0, weight: $0.1, isCentroid: false) }
        } else {
            let n = min(maxPopulated, list.count)
            points = (0..<n).map { k in Point(cell: list[k * list.count / n], weight: 1, isCentroid: false) }
        }
        points.removeAll { $0.cell == centroidCell }
        let meanWeight = points.isEmpty ? 1 : points.reduce(0) { $0 + $1.weight } / Double(points.count)
        points.insert(Point(cell: centroidCell, weight: meanWeight, isCentroid: true), at: 0)
        return points
    }
}
