#pragma once

#include <QString>

namespace ow {

// A material as the catalogue knows it, independent of the matters that ask for it. Its id is
// stable: checklists, `--have` and collected-material records use it.
struct MaterialDef
{
    enum class Source { Applicant, Government, Other };
    enum class Form { Paper, Electronic, PaperOrElectronic };

    QString id;
    QString name;
    Source source = Source::Applicant;
    Form form = Form::Paper;
    QString eLicence; // the e-licence type that can replace it; empty when none
    QString blankForm; // reference to a blank form, e.g. "forms/food-licence-application.pdf"
    QString sample; // reference to a filled-in sample
    QString howToSupply; // hint for the one-time notice: where and how to obtain it
    // Each applicant of a case brings their own (an ID card): with several applicants the
    // checklist asks for it once per applicant.
    bool perParty = false;
};

} // namespace ow
