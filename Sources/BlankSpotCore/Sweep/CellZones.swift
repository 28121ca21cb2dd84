/// The P.1812 radio-climatic zone (Table 2: sea, coastal land, inland) of every cell of a
/// grid, from its land-cover class: what a P.1812 sweep reads along each ray for the path's
/// sea fraction and longest land and inland sections (``P1812ZoneWalk``).
struct CellZones: Sendable {
    let classIndexOfCell: [UInt8]?
    let zoneOfClass: [RadioClimaticZone]

    /// The zones of `landCover`'s cells; nil when every class it lists is inland, so that a run
    /// without sea or coast keeps the all-inland model (whether a class is listed depends only
    /// on the table, so a window of a grid decides as the whole grid does).
    init?(landCover: CellLandCover) {
        guard landCover.classes.contains(where: { $0.zone != .inland }) else { return nil }
        classIndexOfCell = landCover.classIndexOfCell
        zoneOfClass = landCover.classes.map(\.zone)
    }

    /// The zone of cell `cell` (row-major).
    @inline(__always)
    func zone(cell: Int) -> RadioClimaticZone {
        guard let i = classIndexOfCell else { return zoneOfClass[0] }
        return zoneOfClass[Int(i[cell])]
    }
}
