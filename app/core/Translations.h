#pragma once

#include <QString>
#include <QStringList>

// Chooses the interface language and installs its catalogues: ours, embedded under
// :/i18n, and Qt's own (qtbase_*.qm) when the system has them. The language also becomes
// the default QLocale, so numbers and dates follow it.
namespace Translations {

// The languages the console speaks: "en" (the source text) and one per .ts file.
QStringList available();

// Removes `--lang X` / `--lang=X` from args and returns X ("" when absent). A `--lang`
// without a value returns "--lang", which install() then refuses as unknown.
QString takeLanguageArgument(QStringList &args);

// Installs `language` (one of available(), case and '-'/'_' insensitive), or the system
// locale's language when empty (English when the system's has no catalogue). Returns false
// with a sentence in *error when `language` is not one of available(); nothing changes then.
bool install(const QString &language, QString *error = nullptr);

// The language install() chose last ("en" before any call).
QString current();

} // namespace Translations
