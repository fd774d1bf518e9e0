#pragma once

#include <QList>
#include <QString>

// The word pools the generator draws realistic text from. Contacts store indexes into these
// pools, never the text, so a million contacts cost a few bytes each.
namespace sim::pools {

// A naming culture: its first names and surnames are ranges of the flat tables below.
struct Culture {
    int firstBegin, firstEnd;
    int lastBegin, lastEnd;
    double lastChance; // how often a surname follows the first name
    double weight;     // share of contacts from this culture
};

enum CultureId {
    Indonesian,
    Brazilian,
    Arabic,
    Cjk,
    Latin,
    CultureCount
};

const Culture &culture(int id);
const QList<QString> &firstNames();
const QList<QString> &lastNames();
const QList<QString> &honorifics(); // "Pak", "Bu"... (Indonesian), index 0 unused
const QList<QString> &emojis();     // name suffixes, index 0 unused
const QList<QString> &businessNames();
// May contain %1 (a number 1..20), %2 (the same, two digits) or %3 (1..4).
const QList<QString> &groupSubjects();
const QList<QString> &groupDescriptions();
const QList<QString> &aboutTexts();
const QList<QString> &sessionLabels();
const QList<QString> &gatewayIds();

} // namespace sim::pools
