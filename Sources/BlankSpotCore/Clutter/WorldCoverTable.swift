/// The default land-cover legend: ESA WorldCover 10 m v200 (2021) class codes, with clutter
/// heights from the ITU-R Recommendations.
///
/// Heights and their sources:
/// - Tree cover 15 m, mangroves 15 m: P.2108-1 Table 1, trees/forest R = 15 m (P.452-17 Table 4
///   gives 15–20 m for forests, 20 m for tropical rain forest; much of Indonesia's tree cover is
///   plantation, rubber and oil palm, lower than natural forest).
/// - Built-up 9 m: P.452-17 Table 4, suburban 9 m (rural kampung and small towns; P.2108 Table 1
///   gives 10 m for suburban).
/// - Shrubland 4 m: P.452-17 Table 4, irregularly spaced sparse trees 4 m.
/// - Cropland 1 m: rice and annual crops stand about 1 m at maturity, below a handset at 1.5 m;
///   P.452-17 Table 4's 4 m is for high crop fields (maize, sugar cane).
/// - Grassland, bare ground, snow, moss, water 0 m; herbaceous wetland 1 m.
/// Water is P.1812 zone B (sea); every other class inland (A2). Hata: urban areas none here,
/// built-up and trees suburban (Okumura's suburban: villages, houses among trees), the rest open.
public enum WorldCoverTable {
    public static let table: LandCoverTable = {
        func c(_ code: Int, _ name: String, _ category: String, _ r: Double, _ zone: RadioClimaticZone = .inland,
               type: P2108.ClutterType, _ hata: Hata.Environment) -> LandCoverClass {
            LandCoverClass(code: code, name: name, category: category, clutterHeightM: r, zone: zone, p2108Type: type, hataEnvironment: hata)
        }
        return LandCoverTable(name: "ESA WorldCover v200 (default)", classes: [
            c(10, "Tree cover", "trees", 15, type: .treesForest, .suburban),
            c(20, "Shrubland", "shrubs", 4, type: .openRural, .rural),
            c(30, "Grassland", "open", 0, type: .openRural, .open),
            c(40, "Cropland", "crops", 1, type: .openRural, .open),
            c(50, "Built-up", "village", 9, type: .suburban, .suburban),
            c(60, "Bare / sparse vegetation", "open", 0, type: .openRural, .open),
            c(70, "Snow and ice", "open", 0, type: .openRural, .open),
            c(80, "Permanent water bodies", "water", 0, .sea, type: .waterSea, .open),
            c(90, "Herbaceous wetland", "wetland", 1, type: .openRural, .open),
            c(95, "Mangroves", "trees", 15, type: .treesForest, .suburban),
            c(100, "Moss and lichen", "open", 0, type: .openRural, .open),
        ], fallback: c(-1, "No land cover (fallback: trees)", "trees", 15, type: .treesForest, .suburban))
    }()
}
