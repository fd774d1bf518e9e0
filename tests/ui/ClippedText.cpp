#include "ClippedText.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>

namespace {

// What is drawn for a mnemonic text: "&&" is one '&', a single '&' is not drawn.
QString shownText(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i;
        out += text.at(i);
    }
    return out;
}

// The widest line: a multi-line label or button is as wide as its longest line.
int advance(const QFontMetrics &fm, const QString &text)
{
    int widest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        widest = qMax(widest, fm.horizontalAdvance(line));
    return widest;
}

QString describe(const QWidget *w, const char *kind, const QString &text, int needs, int has)
{
    return QStringLiteral("%1 '%2' (%3): needs %4 px, has %5 px")
        .arg(QLatin1String(kind), text,
             w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className())
                                       : w->objectName())
        .arg(needs)
        .arg(has);
}

// The width of `area` (in w's coordinates) that is on screen: a parent narrower than its
// child (a squeezed splitter pane) cuts the child's text as surely as the child's own width.
int shownWidth(QWidget *w, const QRect &area)
{
    return w->visibleRegion().boundingRect().intersected(area).width();
}

void checkLabel(QLabel *label, QStringList &out)
{
    const QString text = label->text();
    if (text.isEmpty() || label->wordWrap() || !label->pixmap().isNull())
        return;
    const QRect area = label->contentsRect().adjusted(label->margin(), 0, -label->margin(), 0);
    const int has = shownWidth(label, area) - qMax(0, label->indent());
    int needs = 0;
    if (label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(text);
        needs = qCeil(doc.idealWidth());
    } else {
        needs = advance(label->fontMetrics(), label->buddy() ? shownText(text) : text);
    }
    if (needs > has)
        out << describe(label, "label", text, needs, has);
}

void checkButton(QAbstractButton *button, QStringList &out)
{
    const QString text = button->text();
    if (text.isEmpty())
        return;
    if (auto tool = qobject_cast<QToolButton *>(button);
        tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
        return;
    QStyle *style = button->style();
    QStyleOptionButton opt;
    opt.initFrom(button);
    opt.text = text;
    opt.icon = button->icon();
    opt.iconSize = button->iconSize();
    QRect contents;
    if (qobject_cast<QCheckBox *>(button))
        contents = style->subElementRect(QStyle::SE_CheckBoxContents, &opt, button);
    else if (qobject_cast<QRadioButton *>(button))
        contents = style->subElementRect(QStyle::SE_RadioButtonContents, &opt, button);
    else if (qobject_cast<QPushButton *>(button))
        contents = style->subElementRect(QStyle::SE_PushButtonContents, &opt, button);
    else
        contents = button->rect().adjusted(3, 0, -3, 0);
    int needs = advance(button->fontMetrics(), shownText(text));
    if (!button->icon().isNull())
        needs += button->iconSize().width() + 4;
    const int has = shownWidth(button, contents);
    if (needs > has)
        out << describe(button, "button", text, needs, has);
}

void checkTabBar(QTabBar *bar, QStringList &out)
{
    const int space = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
    for (int i = 0; i < bar->count(); ++i) {
        if (!bar->isTabVisible(i))
            continue;
        const QString text = bar->tabText(i);
        const QRect r = bar->tabRect(i);
        int needs = advance(bar->fontMetrics(), shownText(text)) + space;
        if (!bar->tabIcon(i).isNull())
            needs += bar->iconSize().width() + 4;
        // A tab pushed past the bar's end (behind scroll buttons) is as hidden as a cut one.
        const int has = shownWidth(bar, r);
        if (needs > has)
            out << describe(bar, "tab", text, needs, has);
    }
}

void checkHeader(QHeaderView *header, QStringList &out)
{
    if (header->orientation() != Qt::Horizontal || !header->model())
        return;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int mark = header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        const QString text = header->model()->headerData(logical, Qt::Horizontal).toString();
        if (text.isEmpty())
            continue;
        QFont font = header->font();
        const QVariant roleFont = header->model()->headerData(logical, Qt::Horizontal,
                                                              Qt::FontRole);
        if (roleFont.canConvert<QFont>())
            font = qvariant_cast<QFont>(roleFont);
        int needs = advance(QFontMetrics(font), text) + 2 * margin;
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == logical)
            needs += mark + margin;
        const int has = header->sectionSize(logical);
        if (needs > has)
            out << describe(header, "column", text, needs, has);
    }
}

void checkGroupBox(QGroupBox *box, QStringList &out)
{
    const QString text = box->title();
    if (text.isEmpty())
        return;
    QStyleOptionGroupBox opt;
    opt.initFrom(box);
    opt.text = text;
    opt.lineWidth = 1;
    opt.subControls = QStyle::SC_GroupBoxFrame | QStyle::SC_GroupBoxLabel;
    if (box->isCheckable())
        opt.subControls |= QStyle::SC_GroupBoxCheckBox;
    const int needs = advance(box->fontMetrics(), shownText(text));
    // The label's room is the box's width less the frame's indent on the left.
    const QRect label = box->style()->subControlRect(QStyle::CC_GroupBox, &opt,
                                                     QStyle::SC_GroupBoxLabel, box);
    const int has = shownWidth(box, box->rect().adjusted(label.left(), 0, 0, 0));
    if (needs > has)
        out << describe(box, "group box", text, needs, has);
}

void checkMenuBar(QMenuBar *bar, QStringList &out)
{
    for (QAction *action : bar->actions()) {
        if (!action->isVisible() || action->isSeparator())
            continue;
        const QRect r = bar->actionGeometry(action);
        const int needs = advance(bar->fontMetrics(), shownText(action->text()));
        // Entries that do not fit move into the extension (») menu: hidden, so clipped too.
        const int has = shownWidth(bar, r);
        if (needs > has)
            out << describe(bar, "menu", action->text(), needs, has);
    }
    // The extension button only shows when some entry did not fit.
    if (auto ext = bar->findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button"));
        ext && ext->isVisible())
        out << QStringLiteral("menu bar: some entries moved into the overflow menu");
}

} // namespace

namespace ClippedText {

QStringList find(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        if (auto label = qobject_cast<QLabel *>(w))
            checkLabel(label, out);
        else if (auto button = qobject_cast<QAbstractButton *>(w))
            checkButton(button, out);
        else if (auto bar = qobject_cast<QTabBar *>(w))
            checkTabBar(bar, out);
        else if (auto header = qobject_cast<QHeaderView *>(w))
            checkHeader(header, out);
        else if (auto menuBar = qobject_cast<QMenuBar *>(w))
            checkMenuBar(menuBar, out);
        if (auto box = qobject_cast<QGroupBox *>(w))
            checkGroupBox(box, out);
    }
    return out;
}

} // namespace ClippedText
