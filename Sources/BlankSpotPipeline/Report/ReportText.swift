import BlankSpotCore

/// Bilingual text for the report: Bahasa Indonesia first, English beside it in grey.
enum ReportText {
    /// `id` then `en`, each marked with its language (screen readers switch voice).
    static func bi(_ id: String, _ en: String) -> String {
        "<span lang=\"id\">\(MarkupText.escape(id))</span> <span lang=\"en\" class=\"en\">\(MarkupText.escape(en))</span>"
    }

    /// A whole number, Indonesian style: `12.548`.
    static func count(_ v: Double) -> String { IndonesianNumber.format(v) }
    static func count(_ text: String?) -> String { Double(text ?? "").map { IndonesianNumber.format($0) } ?? "" }
    static func decimal(_ text: String?, _ decimals: Int = 1) -> String {
        Double(text ?? "").map { IndonesianNumber.format($0, decimals: decimals) } ?? ""
    }

    static func status(_ raw: String) -> String {
        switch raw {
        case "blank": bi("blank spot", "blank")
        case "partial": bi("sinyal sebagian", "partial")
        case "covered": bi("terlayani", "covered")
        default: MarkupText.escape(raw)
        }
    }

    /// The status in a table cell: the Indonesian word, the English one on hover.
    static func statusCell(_ raw: String) -> String {
        switch raw {
        case "blank": "<span title=\"blank\">blank spot</span>"
        case "partial": "<span title=\"partial\">sebagian</span>"
        case "covered": "<span title=\"covered\">terlayani</span>"
        default: MarkupText.escape(raw)
        }
    }

    static func statusPlain(_ raw: String) -> String {
        switch raw {
        case "blank": "blank spot (blank)"
        case "partial": "sinyal sebagian (partial)"
        case "covered": "terlayani (covered)"
        default: raw
        }
    }

    /// The propagation model of a run and its source.
    static func model(_ name: String) -> String {
        switch name {
        case "p1812": "ITU-R P.1812-8 (path-specific prediction with terrain and clutter; ITU-R, 2025)"
        case "itm": "Irregular Terrain Model (Longley–Rice) 1.2.2, point-to-point mode (Hufford, NTIA, 1995; NTIA Report 82-100)"
        case "hata": "Okumura–Hata and COST 231 Hata (Hata, IEEE Trans. Veh. Technol. VT-29, 1980; COST Action 231 final report, 1999)"
        case "fspl", "free-space": "free space (ITU-R P.525)"
        case "los": "line of sight over terrain only (no path loss)"
        default: name
        }
    }

    /// Words a reader may not know, Indonesian first.
    static let glossary: [(term: String, id: String, en: String)] = [
        ("Desa/kelurahan", "Satuan wilayah administrasi terkecil; kelurahan di perkotaan.", "Village (desa) or urban ward (kelurahan), the smallest administrative unit."),
        ("Kecamatan", "Wilayah di bawah kabupaten/kota.", "District, below the regency or city."),
        ("Kabupaten/kota", "Kabupaten (regency) atau kota.", "Regency or city, below the province."),
        ("Desa blank spot", "Desa dengan penduduk terlayani sinyal di bawah batas blank.", "Village whose share of people with usable signal is below the blank threshold."),
        ("Sinyal sebagian", "Desa yang sebagian penduduknya terlayani, di antara batas blank dan batas terlayani.", "Partial: between the blank and covered thresholds."),
        ("Sinyal lemah", "Sinyal 0–10 dB di atas ambang: cukup di luar ruangan.", "Marginal signal, 0–10 dB above the threshold: enough outdoors."),
        ("BTS", "Base Transceiver Station: menara seluler.", "A mobile base station (tower)."),
        ("Usulan lokasi", "Lokasi BTS baru yang diusulkan oleh analisis ini.", "A new tower site suggested by this analysis."),
        ("RSRP", "Daya sinyal referensi 4G yang diterima, dBm.", "4G reference-signal received power, dBm."),
        ("dBm", "Daya dalam desibel terhadap 1 miliwatt; −110 dBm lebih lemah dari −90 dBm.", "Power in decibels relative to 1 mW; −110 dBm is weaker than −90 dBm."),
        ("Clutter", "Tutupan lahan (hutan, kebun, permukiman) yang menambah redaman.", "Land cover (forest, plantation, buildings) that adds loss."),
        ("SHA-256", "Sidik jari berkas: berkas yang sama memberi nilai yang sama.", "A file's fingerprint: the same file gives the same value."),
        ("GENERATED", "Data sintetis buatan alat, bukan data nyata.", "Synthetic data made by a tool, not real data."),
    ]
}
