#include "onewindow/catalog/Catalog.h"
#include "onewindow/ui/ChecklistPanel.h"
#include "onewindow/ui/QuestionsPanel.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace ow;

// The intake screen's part of issue 11: text-only acceptance conditions at the Situations step,
// counts recorded from the keyboard, and materials issued inside the selection named as such.
class TestRecordedUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conditionsAreConfirmed();
    void countsAndProducedMaterials();
};

void TestRecordedUi::conditionsAreConfirmed()
{
    ui::QuestionsPanel panel;
    const Catalog catalog;
    panel.setQuestions(catalog, {}, {}, {});
    checklist::TextCondition tc {QStringLiteral("M2#1"), QStringLiteral("M2"), QStringLiteral("乙事项"),
        QStringLiteral("材料真实有效"), false, false};
    panel.setConditions({tc});
    auto *box = panel.findChild<QComboBox *>(QStringLiteral("confirm_M2#1"));
    QVERIFY(box);
    QCOMPARE(box->currentIndex(), 0);
    QSignalSpy spy(&panel, &ui::QuestionsPanel::conditionConfirmed);
    box->setCurrentIndex(1);
    Q_EMIT box->activated(1);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), tc.key);
    QCOMPARE(spy.at(0).at(1).value<std::optional<bool>>(), std::optional<bool>(true));
    // The workflow's answer comes back: shown as confirmed, and gone when the matter changes.
    tc.confirmed = true;
    tc.holds = false;
    panel.setConditions({tc});
    QCOMPARE(box->currentIndex(), 2);
    panel.setConditions({});
    QVERIFY(!panel.findChild<QComboBox *>(QStringLiteral("confirm_M2#1")));
}

void TestRecordedUi::countsAndProducedMaterials()
{
    ui::ChecklistPanel panel;
    checklist::Checklist c;
    checklist::MaterialLine plan;
    plan.id = QStringLiteral("floor-plan");
    plan.name = QStringLiteral("经营场所平面布局图");
    plan.status = checklist::MaterialLine::Status::Received;
    plan.copies = 4;
    plan.recordedCopies = 3;
    checklist::MaterialLine licence;
    licence.id = QStringLiteral("business-licence");
    licence.name = QStringLiteral("营业执照");
    licence.status = checklist::MaterialLine::Status::Waived;
    licence.producedBy = QStringLiteral("330106-XK-AMR-002");
    licence.producedByName = QStringLiteral("个体工商户设立登记");
    c.materials = {plan, licence};
    panel.setChecklist(c, {{plan.id, checklist::Received::Copy}}, {});
    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("materialTable"));
    QVERIFY(table);
    QVERIFY2(table->item(0, 0)->text().contains(u'3'), qPrintable(table->item(0, 0)->text()));
    QVERIFY2(table->item(1, 0)->text().contains(QStringLiteral("个体工商户设立登记")),
        qPrintable(table->item(1, 0)->text()));
    QVERIFY(!table->item(1, 0)->text().contains(QStringLiteral("e-licence")));
    QSignalSpy counts(&panel, &ui::ChecklistPanel::countRequested);
    table->setCurrentCell(0, 1);
    QTest::keyClick(table, Qt::Key_3);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.at(0).at(1).toInt(), 3);
    table->setCurrentCell(1, 1); // not marked by the clerk: no count
    QTest::keyClick(table, Qt::Key_2);
    QCOMPARE(counts.size(), 1);
}

QTEST_MAIN(TestRecordedUi)
#include "tst_recordedui.moc"
