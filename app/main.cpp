// The entry point of the composition root: it picks the front end (a terminal command,
// --headless, or the window) over the one Console that owns the signed-in profile's services.
#include "AppIcon.h"
#include "MainWindow.h"
#include "WindowFrontEnd.h"
#include "cli/ProfileCommand.h"
#include "cli/SyncCommand.h"
#include "console/Console.h"
#include "console/HeadlessFrontEnd.h"
#include "core/AppInfo.h"
#include "core/RecentMessages.h"
#include "core/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <cstring>
#include <memory>

namespace {

// Terminal uses (--help, --version, sub-commands, --headless) must work without a display,
// so the GUI application object is only created when a window will be shown.
bool wantsWindow(int argc, char *argv[])
{
    static const char *const terminalOnly[] = {"-h", "--help",    "--help-all",
                                               "-v", "--version", "--headless"};
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : terminalOnly)
            if (std::strcmp(argv[i], flag) == 0)
                return false;
    }
    return true;
}

// Installs the language named by `--lang` (taken out of args), else the system's. An unknown
// name is refused before anything is read or written, with the choices on stderr.
bool applyLanguage(QStringList &args)
{
    QString error;
    if (Translations::install(Translations::takeLanguageArgument(args), &error))
        return true;
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << error << Qt::endl;
    return false;
}

// The window over the one Console: the profile's token is read from the keychain; when there
// is none (or it is rejected later), the window's Profile menu opens the sign-in dialog.
int runWindow(const Console::Options &options)
{
    QApplication::setApplicationDisplayName(AppInfo::displayName());
    // The icon for every window, and the desktop file that Wayland compositors match it to.
    QApplication::setWindowIcon(appIcon());
    QGuiApplication::setDesktopFileName(AppInfo::desktopId());
    Console console(options);
    MainWindow window;
    WindowFrontEnd frontEnd(&console, &window);
    window.show();
    console.start();
    return QCoreApplication::exec();
}

bool isTerminalCommand(int argc, char *argv[])
{
    return argc > 1 && (std::strcmp(argv[1], "profile") == 0 || std::strcmp(argv[1], "sync") == 0);
}

bool isHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}

// `gateway-console profile|sync ...`: terminal commands, run to their end without a display.
int runTerminalCommand(int &argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);
    QStringList arguments = app.arguments();
    if (!applyLanguage(arguments))
        return 2;
    const QStringList args = arguments.mid(2);
    return std::strcmp(argv[1], "profile") == 0 ? runProfileCommand(args) : runSyncCommand(args);
}

// `gateway-console --headless --profile NAME [--local-api-port N]`: sync and local API, no
// window.
int runHeadlessMode(int &argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);
    QStringList arguments = app.arguments();
    if (!applyLanguage(arguments))
        return 2;
    return runHeadless(arguments);
}

// Reads the window's options; --help and --version print their text and exit in here.
bool readWindowOptions(const QStringList &arguments, Console::Options *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Admin console for a multi-tenant WhatsApp gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    Console::addOptions(parser);
    // Already applied by applyLanguage(); listed so that --help shows it.
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Interface language: %1 (default: the system's).")
            .arg(Translations::available().join(QStringLiteral(", "))),
        QStringLiteral("LANG")));
    parser.process(arguments);
    QString problem;
    if (!Console::readOptions(parser, options, &problem)) {
        QTextStream(stderr) << problem << Qt::endl;
        return false;
    }
    return true;
}

// The window, or the text of --help / --version without a display.
int runWindowCommandLine(int &argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsWindow(argc, argv))
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    AppInfo::applyTo(*app);
    // Before the parser and the window: both show translated text.
    QStringList arguments = app->arguments();
    if (!applyLanguage(arguments))
        return 2;
    Console::Options options;
    if (!readWindowOptions(arguments, &options))
        return 2;
    return runWindow(options);
}

} // namespace

int main(int argc, char *argv[])
{
    // The last warnings, kept for "Copy diagnostics"; messages still go to stderr.
    RecentMessages::install();
    if (isTerminalCommand(argc, argv))
        return runTerminalCommand(argc, argv);
    if (isHeadless(argc, argv))
        return runHeadlessMode(argc, argv);
    return runWindowCommandLine(argc, argv);
}
