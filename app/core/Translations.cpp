#include "core/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Translations)
};

const QString kCatalogueDir = QStringLiteral(":/i18n");
const QString kCatalogueName = QStringLiteral("gateway-console");

QString g_current = QStringLiteral("en");
// Owned by the application object; QPointer because tests make and destroy several.
QPointer<QTranslator> g_ours;
QPointer<QTranslator> g_qt;

// "pt-br", "PT_BR" -> "pt_BR": the spellings people and LANG use for the same language.
QString normalized(const QString &language)
{
    QString s = language.trimmed();
    s.replace(QLatin1Char('-'), QLatin1Char('_'));
    const qsizetype sep = s.indexOf(QLatin1Char('_'));
    if (sep < 0)
        return s.toLower();
    return s.left(sep).toLower() + QLatin1Char('_') + s.mid(sep + 1).toUpper();
}

void removeInstalled()
{
    for (QPointer<QTranslator> *t : {&g_ours, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
}

// Installs the catalogue `name` for `locale` from `dir`; false when there is none.
bool installCatalogue(QPointer<QTranslator> &slot, const QLocale &locale, const QString &name,
                      const QString &dir)
{
    auto translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    slot = translator;
    return true;
}

// The first of the system's UI languages (LANGUAGE, LC_MESSAGES, LANG: "pt-BR", "pt", ...)
// that has a catalogue; a catalogue for a territory also serves its language alone.
// English when none has one.
QString systemLanguage(const QStringList &languages)
{
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QLocale wanted(ui);
        for (const QString &name : languages) {
            const QLocale candidate(name);
            if (candidate.language() != wanted.language())
                continue;
            if (!name.contains(QLatin1Char('_')) || !ui.contains(QLatin1Char('-'))
                || candidate.territory() == wanted.territory())
                return name;
        }
    }
    return QStringLiteral("en");
}

} // namespace

namespace Translations {

QStringList available()
{
    QStringList out{QStringLiteral("en")};
    const QString prefix = kCatalogueName + QLatin1Char('_');
    // Embedded as :/i18n/gateway-console_<lang>.qm by qt_add_translations.
    for (const QString &file :
         QDir(kCatalogueDir).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name))
        out << file.mid(prefix.size()).chopped(3);
    return out;
}

QString takeLanguageArgument(QStringList &args)
{
    const QString flag = QStringLiteral("--lang");
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg.startsWith(flag + QLatin1Char('='))) {
            const QString value = arg.mid(flag.size() + 1);
            args.removeAt(i);
            return value.isEmpty() ? flag : value;
        }
        if (arg == flag) {
            const QString value = i + 1 < args.size() ? args.at(i + 1) : QString();
            // `--lang --help`: the next option is not a language; leave it for the parser.
            const bool hasValue = !value.isEmpty() && !value.startsWith(QLatin1Char('-'));
            args.remove(i, hasValue ? 2 : 1);
            return hasValue ? value : flag;
        }
    }
    return {};
}

bool install(const QString &language, QString *error)
{
    const QStringList languages = available();
    QString chosen;
    QLocale locale;
    if (!language.isEmpty()) {
        const QString wanted = normalized(language);
        if (!languages.contains(wanted)) {
            if (error)
                *error = Text::tr("Unknown language \"%1\"; choose one of: %2.")
                             .arg(language, languages.join(QStringLiteral(", ")));
            return false;
        }
        chosen = wanted;
        locale = QLocale(chosen);
    } else {
        // The system's locale stays the default for numbers and dates even when its
        // language has no catalogue (the text is English then).
        locale = QLocale::system();
        chosen = systemLanguage(languages);
    }

    removeInstalled();
    QLocale::setDefault(locale);
    g_current = chosen;
    if (chosen == QLatin1String("en"))
        return true; // the source text is English
    const QLocale catalogueLocale(chosen);
    installCatalogue(g_ours, catalogueLocale, kCatalogueName, kCatalogueDir);
    // Qt's own strings (standard buttons, context menus), when the system ships them.
    installCatalogue(g_qt, catalogueLocale, QStringLiteral("qtbase"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

QString current()
{
    return g_current;
}

} // namespace Translations
