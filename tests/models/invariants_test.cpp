#include "pfsim/models/invariants.hpp"

#include <gtest/gtest.h>

#include "pfsim/models/system.hpp"
#include "test_scenarios.hpp"

using namespace pfsim::models;
using namespace pfsim::models::testing;

namespace {
// Two sites and the three downstream services, all consistent.
FlowSnapshot consistent() {
  FlowSnapshot s;
  s.day = 40;
  s.replication = 3;
  s.now = 40 * 1440.0;
  s.created = 1000;
  s.left = 600;
  s.in_system = 400;
  s.sites = {{"Southend", {300, 300, 4}, 298, 6}, {"Basildon", {100, 120, 0}, 100, 0}};
  s.services = {{"reablement", {50, 50, 7}, 49, 9}, {"care homes", {900, 1000, 0}, 900, 3}};
  return s;
}

std::string failure(const FlowSnapshot& s) {
  try {
    check_flow(s);
  } catch (const ModelError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(FlowInvariants, ConsistentSnapshotPasses) { EXPECT_EQ(failure(consistent()), ""); }

TEST(FlowInvariants, LostPatientBreaksConservation) {
  FlowSnapshot s = consistent();
  s.in_system = 399;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: patient conservation: 1000 arrived, 600 left, 399 in system");
}

TEST(FlowInvariants, NegativeOccupancyIsCaught) {
  FlowSnapshot s = consistent();
  s.sites[1].beds.in_use = -1;
  s.sites[1].occupants = -1;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: beds at Basildon has -1 units in use");
}

TEST(FlowInvariants, IdleBedWhilePatientsWaitIsCaught) {
  FlowSnapshot s = consistent();
  s.sites[0].beds.capacity = 302;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: beds at Southend has 2 free units while 4 wait");
}

TEST(FlowInvariants, MorePatientsInBedsThanBedsHeldIsCaught) {
  FlowSnapshot s = consistent();
  s.sites[1].occupants = 101;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: beds at Basildon: 101 patients in beds but only 100 beds held");
}

TEST(FlowInvariants, PatientAwaitingABedButNeitherQueuedNorGrantedIsCaught) {
  FlowSnapshot s = consistent();
  s.sites[0].awaiting = 7;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: beds at Southend: 7 patients awaiting a bed but 4 queued and 2 granted");
}

TEST(FlowInvariants, DownstreamUnitsHeldByNobodyAreCaught) {
  FlowSnapshot s = consistent();
  s.services[0].units.in_use = 60;
  s.services[0].units.capacity = 60;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: reablement: 60 units held by 49 users and at most 9 pending grants");
  s = consistent();
  s.services[1].users = 901;
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: care homes: 901 people using it but only 900 units held");
}

TEST(FlowInvariants, ContradictoryTimestampsAreCaught) {
  FlowSnapshot s = consistent();
  s.inconsistent_patients = 2;
  s.first_inconsistency = "delayed, medically fit at 5 outside admission 10 .. now 57600";
  EXPECT_EQ(failure(s), "invariant broken on day 40 of replication 3: 2 patients with timestamps contradicting their stage, e.g. "
                        "delayed, medically fit at 5 outside admission 10 .. now 57600");
}

// The whole system, tight downstream capacity (queues everywhere), checked every event and midnight: no
// invariant breaks, and the checked run gives exactly the unchecked run's results.
TEST(FlowInvariants, CheckedWholeSystemRunIsCleanAndIdenticalToUnchecked) {
  Scenario checked = whole_system(false), unchecked = whole_system(false);
  checked.run.check_invariants = true;
  unchecked.run.check_invariants = false;
  for (std::uint64_t r = 0; r < 2; ++r) {
    ReplicationResult a, b;
    ASSERT_NO_THROW(a = run_replication(checked, r));
    b = run_replication(unchecked, r);
    EXPECT_EQ(a.kpi, b.kpi);
    EXPECT_EQ(a.daily, b.daily);
    EXPECT_EQ(a.events, b.events);
  }
}
