import BlankSpotCore
import Foundation

/// The people a new site could bring service to: one element per (village, cell) that has
/// terrain and no service today, with the village's cap and weight (``SiteSelectionProblem``).
struct SuggestDemand {
    var elementVillage: [Int32] = []
    var elementCell: [Int32] = []
    var elementPeople: [Double] = []
    /// Per village (input order): θ·people − people served today, ≥ 0.
    var villageCap: [Double]
    /// Per village: the blank-village weight when blank today, else 1.
    var villageWeight: [Double]
    /// Per village: people in its cells with terrain, and served today.
    var villagePeople: [Double]
    var villageServed: [Double]
    /// Per grid cell: 1 where some element lies (the cells a candidate's sweep must report).
    var relevant: [UInt8]
    /// Per grid cell: its first element, −1 none; then `nextOfCell` chains a cell's elements
    /// (a cell shared by villages too small to own a cell centre has several).
    var firstOfCell: [Int32]
    var nextOfCell: [Int32] = []

    init(before: [VillageCoverage], inputs: VillageInputs, layers: CoverageLayers, coveredShare: Double, blankWeight: Double) {
        let n = inputs.villages.count
        villageCap = [Double](repeating: 0, count: n)
        villageWeight = [Double](repeating: 1, count: n)
        villagePeople = [Double](repeating: 0, count: n)
        villageServed = [Double](repeating: 0, count: n)
        relevant = [UInt8](repeating: 0, count: layers.grid.cellCount)
        firstOfCell = [Int32](repeating: -1, count: layers.grid.cellCount)
        let lists = VillageAggregation.cellLists(villageCount: n, cells: inputs.cells)
        let status = Dictionary(uniqueKeysWithValues: before.map { ($0.village.index, $0.status) })
        for v in inputs.villages {
            let list = lists[v.index].filter { layers.hasTerrain($0) }
            guard !list.isEmpty else { continue }
            let (people, _) = VillageAggregation.people(of: v, cells: list, populationPerCell: inputs.populationPerCell)
            var total = 0.0, served = 0.0
            for (k, cell) in list.enumerated() {
                total += people[k]
                if layers.isServed(cell) {
                    served += people[k]
                    continue
                }
                let e = Int32(elementCell.count)
                elementVillage.append(Int32(v.index))
                elementCell.append(Int32(cell))
                elementPeople.append(people[k])
                nextOfCell.append(firstOfCell[cell])
                firstOfCell[cell] = e
                relevant[cell] = 1
            }
            villagePeople[v.index] = total
            villageServed[v.index] = served
            villageCap[v.index] = max(0, coveredShare * total - served)
            if status[v.index] == .blank { villageWeight[v.index] = blankWeight }
        }
    }

    /// The elements of the served cells `cells` (ascending cell indices), ascending.
    func elements(ofCells cells: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(cells.count)
        for cell in cells {
            var e = firstOfCell[Int(cell)]
            while e >= 0 {
                out.append(e)
                e = nextOfCell[Int(e)]
            }
        }
        out.sort()
        return out
    }
}
