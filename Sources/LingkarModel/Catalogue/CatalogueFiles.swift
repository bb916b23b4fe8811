/// The catalogue's files, embedded at build time (`.embedInCode` in Package.swift), one per area and
/// language. An area is the part of Lingkar that speaks: `common` (words many parts share), `cli`
/// (what commands print), `help` (`--help`), `errors`, `digest`, `agenda`, `mail`, `setup` (`init`,
/// `doctor`), `web`.
enum CatalogueFiles {
  static let areas = ["common", "cli", "help", "errors", "digest", "agenda", "mail", "setup", "web"]

  static let indonesian: [[UInt8]] = [
    PackageResources.common_id_txt, PackageResources.cli_id_txt, PackageResources.help_id_txt,
    PackageResources.errors_id_txt, PackageResources.digest_id_txt, PackageResources.agenda_id_txt,
    PackageResources.mail_id_txt, PackageResources.setup_id_txt, PackageResources.web_id_txt,
  ]

  static let english: [[UInt8]] = [
    PackageResources.common_en_txt, PackageResources.cli_en_txt, PackageResources.help_en_txt,
    PackageResources.errors_en_txt, PackageResources.digest_en_txt, PackageResources.agenda_en_txt,
    PackageResources.mail_en_txt, PackageResources.setup_en_txt, PackageResources.web_en_txt,
  ]
}
