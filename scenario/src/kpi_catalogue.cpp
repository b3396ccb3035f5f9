#include "pfsim/scenario/kpi_catalogue.hpp"

#include <fmt/format.h>

#include "pfsim/scenario/scenario.hpp"

namespace pfsim::scenario {

const std::array<KpiInfo, kKpiCount>& kpi_catalogue() {
  static const std::array<KpiInfo, kKpiCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals in the measured period", "A&E attendances", false, Better::Neither},
      {"ae_4h_pct", "%", "attendances leaving A&E (discharge, SDEC or to a bed) within 240 min of arrival", "A&E 4-hour performance", true, Better::Higher},
      {"ae_mean_time_min", "min", "mean time from A&E arrival to leaving the department", "", false, Better::Lower},
      {"ae_4h_type1_pct", "%", "type 1 attendances (major A&E, not a type 3 urgent treatment centre stream) leaving within 240 min",
       "A&E 4-hour performance, type 1", false, Better::Higher},
      {"ae_time_median_min", "min", "median time from A&E arrival to leaving the department (10-min histogram, capped at 24 h)",
       "", false, Better::Lower},
      {"ae_time_p95_min", "min", "95th centile time from A&E arrival to leaving the department (10-min histogram, capped at 24 h)",
       "", false, Better::Lower},
      {"ae_12h_from_arrival_pct", "%", "attendances more than 12 hours in A&E from arrival", "12 hours in A&E from arrival", false,
       Better::Lower},
      {"ae_left_without_being_seen_pct", "%", "attendances leaving before being seen by a clinician (ae.patience)",
       "Left without being seen", false, Better::Lower},
      {"nea", "admissions", "emergency admissions to a bed (A&E, direct, readmissions), excluding SDEC same-day", "", false, Better::Lower},
      {"nea_per_100k", "per year per 100k", "emergency admissions per year per 100,000 population", "Emergency admissions per 100,000", false, Better::Lower},
      {"sdec_admissions", "admissions", "same-day emergency care admissions (zero LOS, no bed)", "", false, Better::Neither},
      {"nea_all", "admissions", "emergency admissions including same-day emergency care: nea + sdec_admissions (BCF / MAR definition)",
       "", false, Better::Lower},
      {"nea_all_per_100k", "per year per 100k", "nea_all per year per 100,000 population (BCF non-elective admissions metric)",
       "Emergency admissions incl. same-day per 100,000", false, Better::Lower},
      {"nea_zero_los", "admissions", "emergency admissions discharged on the day of admission: SDEC and same-day bed stays", "", false,
       Better::Neither},
      {"nea_los_1plus_days", "admissions", "emergency admissions to a bed staying past at least one midnight", "", false, Better::Lower},
      {"bed_occupancy_pct", "%", "time-average occupied / available acute beds, all sites", "Acute bed occupancy", true, Better::Lower},
      {"bed_occupancy_midnight_pct", "%", "occupied / available acute beds at midnight, averaged over the measured days (KH03)",
       "", false, Better::Lower},
      {"trolley_wait_mean_h", "h", "mean wait from decision to admit (or direct referral) to a bed", "", false, Better::Lower, KpiModule::Always, true},
      {"trolley_waits_12h", "patients", "A&E patients waiting more than 12 hours from decision to admit to admission",
       "12-hour trolley waits", false, Better::Lower, KpiModule::Always, true},
      {"dtoc_days", "bed-days", "delayed bed-days (time integral), acute and non-acute: medically fit and waiting for assessment or a "
       "service, or in intermediate care waiting for a care home", "", false, Better::Lower},
      {"dtoc_days_nhs", "bed-days", "delayed bed-days attributed to the NHS by the delay's reason", "", false, Better::Lower},
      {"dtoc_days_social_care", "bed-days", "delayed bed-days attributed to social care by the delay's reason", "", false, Better::Lower},
      {"dtoc_days_both", "bed-days", "delayed bed-days attributed to both by the delay's reason", "", false, Better::Lower},
      {"dtoc_days_non_acute", "bed-days", "delayed bed-days in intermediate-care (non-acute) beds", "", false, Better::Lower},
      {"dtoc_daily_delays", "patients", "mean patients aged 18+ delayed at midnight, acute and non-acute (BCF 2019/20 metric)",
       "Delayed transfers of care: daily delays", true, Better::Lower},
      {"dtoc_daily_delays_nhs", "patients", "daily delays attributed to the NHS (midnight count by the delay's reason)", "", false,
       Better::Lower},
      {"dtoc_daily_delays_social_care", "patients", "daily delays attributed to social care (midnight count by the delay's reason)", "",
       false, Better::Lower},
      {"dtoc_daily_delays_both", "patients", "daily delays attributed to both (midnight count by the delay's reason)", "", false,
       Better::Lower},
      {"dtoc_daily_delays_non_acute", "patients", "daily delays in intermediate-care (non-acute) beds", "", false, Better::Lower},
      {"dtoc_daily_delays_per_100k_18plus", "per 100k 18+", "daily delays per 100,000 population aged 18+", "", false, Better::Lower},
      {"reablement_91d_home_pct", "%",
       "people 65+ discharged into reablement/rehab (P1/P2) from 1 Oct to 31 Dec who are at home on day 91 (ASCOF 2B(1))",
       "At home 91 days after reablement (ASCOF 2B)", true, Better::Higher},
      {"care_home_admissions_per_100k_65plus", "per year per 100k 65+", "permanent care-home admissions of people 65+ (ASCOF 2A(2))",
       "Care-home admissions 65+ (ASCOF 2A)", true, Better::Lower},
      {"care_home_admissions_per_100k_18to64", "per year per 100k 18-64",
       "permanent care-home admissions of people aged 18-64 (ASCOF 2A(1))", "", false, Better::Lower},
      {"los_over_21d", "patients", "adults 18+ in acute beds with LOS >= 21 days (midnight census mean)", "", false, Better::Lower},
      {"readmission_30d_pct", "%", "discharges followed by an emergency readmission within 30 days", "", false, Better::Lower},
      {"hospital_deaths", "deaths", "acute stays that ended in death in hospital (HES discharge method 4)"},
      {"hospital_deaths_pct", "%", "acute stays ending in the period that ended in death: deaths / (discharges + deaths)"},
      {"discharges_before_noon_pct", "%", "discharges from acute beds before 12:00", "", false, Better::Higher},
      {"weekend_discharges_pct", "%", "discharges from acute beds on Saturdays and Sundays", "", false, Better::Higher},
      {"discharged_on_ready_date_pct", "%",
       "adults 18+ discharged alive from an acute bed after a stay of one night or more on their discharge-ready date (the day "
       "they stopped meeting the criteria to reside)", "Discharged on their discharge-ready date", false, Better::Higher},
      {"discharge_delay_days_mean", "days",
       "mean days from discharge-ready date to discharge over those discharges, 0 for those on the date (BCF 2025/26 average "
       "length of discharge delay for all acute adult patients)", "Average discharge delay", false, Better::Lower},
      {"discharge_delay_days_mean_delayed", "days",
       "mean days from discharge-ready date to discharge of the adults not discharged on that date", "", false, Better::Lower},
      {"nctr_midnight", "patients",
       "mean adults 18+ in acute beds at midnight who no longer meet the criteria to reside (past their discharge-ready time)",
       "No criteria to reside at midnight", false, Better::Lower},
      {"nctr_midnight_p0", "patients", "no criteria to reside at midnight, going home without new support (pathway 0)", "", false,
       Better::Lower},
      {"nctr_midnight_p1", "patients", "no criteria to reside at midnight, for support at home (pathway 1)", "", false, Better::Lower},
      {"nctr_midnight_p2", "patients", "no criteria to reside at midnight, for a rehabilitation bed (pathway 2)", "", false, Better::Lower},
      {"nctr_midnight_p3", "patients", "no criteria to reside at midnight, for a care home (pathway 3)", "", false, Better::Lower},
      {"discharged_usual_residence_pct", "%",
       "discharges from acute beds (alive) to the person's usual place of residence: their own home, with or without support, or "
       "back to their care home (BCF metric)", "Discharged to usual place of residence", false, Better::Higher},
      {"discharged_usual_residence_65plus_pct", "%",
       "discharges of people 65+ from acute beds (alive) to their usual place of residence: own home or their care home",
       "Discharged to usual place of residence, 65+", false, Better::Higher},
      {"gp_unmet_appointments", "appointments", "GP appointment demand above available slots", "", false, Better::Lower},
      {"opel4_days", "site-days", "days at OPEL 4 (midnight), summed over sites; 0 when winter.opel is off", "", false, Better::Lower},
      {"escalation_bed_days", "bed-days", "escalation beds open (time integral), all sites", "", false, Better::Lower},
      {"ae_still_in_department_at_end", "attendances",
       "measured attendances still in A&E (incl. waiting for a bed) 90 days after the measured period; 0 in a stable system", "",
       false, Better::Lower},
      {"awaiting_bed_at_end", "patients",
       "measured bed requests (decision to admit or direct referral) still without a bed 90 days after the measured period; 0 in a "
       "stable system", "", false, Better::Lower},
      {"virtual_ward_occupancy_pct", "%", "time-average virtual-ward slots in use / slots available, all sites",
       "Virtual ward occupancy", true, Better::Neither, KpiModule::VirtualWards},
      {"virtual_ward_admissions_avoided", "admissions",
       "would-be A&E admissions treated on a virtual ward instead of a bed (step-up)", "Admissions avoided by virtual wards",
       false, Better::Higher, KpiModule::VirtualWards},
      {"virtual_ward_bed_days_saved", "bed-days",
       "acute bed-days saved by virtual wards: step-down shortening taken plus step-up virtual-ward stays",
       "Acute bed-days saved by virtual wards", true, Better::Higher, KpiModule::VirtualWards},
      {"elective_referrals", "referrals", "RTT clock starts (referrals for consultant-led elective care)", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_admissions", "admissions", "ordinary elective admissions (inpatients, to a bed)", "Elective admissions", false,
       Better::Neither, KpiModule::PlannedCare},
      {"day_case_admissions", "admissions", "elective day cases (treated and home the same day, no bed)", "Day cases", false,
       Better::Neither, KpiModule::PlannedCare},
      {"elective_cancelled_on_day", "operations", "operations cancelled on the day for a non-clinical reason (no bed free)",
       "Operations cancelled on the day", true, Better::Lower, KpiModule::PlannedCare, true},
      {"elective_cancelled_on_day_pct", "%", "operations cancelled on the day / elective admissions (ordinary and day case)", "", false,
       Better::Lower, KpiModule::PlannedCare, true},
      {"elective_not_rebooked_28d", "patients", "operations cancelled on the day and not treated within 28 days (rebooking standard)",
       "Cancelled operations not rebooked within 28 days", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_incomplete_18w_pct", "%", "incomplete RTT pathways waiting under 18 weeks at the month-ends (standard 92 %)",
       "RTT incomplete pathways within 18 weeks", true, Better::Higher, KpiModule::PlannedCare},
      {"rtt_waiting_list", "pathways", "incomplete RTT pathways (admitted and non-admitted) at month-end, mean over the month-ends",
       "RTT waiting list", true, Better::Lower, KpiModule::PlannedCare},
      {"rtt_52w_waiters", "pathways", "incomplete RTT pathways waiting 52 weeks or more at month-end, mean over the month-ends",
       "52-week waiters", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_admitted_18w_pct", "%", "admitted clock stops (day cases and ordinary admissions) within 18 weeks of referral", "", false,
       Better::Higher, KpiModule::PlannedCare},
      {"elective_within_priority_target_pct", "%", "elective patients treated within their priority's target time from listing",
       "", false, Better::Higher, KpiModule::PlannedCare},
      {"theatre_utilisation_pct", "%", "theatre minutes of cases operated / theatre session minutes planned", "Theatre utilisation",
       false, Better::Higher, KpiModule::PlannedCare},
      {"elective_bed_days", "bed-days", "bed-days used by elective inpatients (general beds and elective wards)", "", false,
       Better::Neither, KpiModule::PlannedCare},
      {"elective_ward_occupancy_pct", "%", "time-average occupied / available ring-fenced elective beds; 0 when no site has them", "",
       false, Better::Neither, KpiModule::PlannedCare},
      {"falls_admissions_65plus", "admissions", "emergency admissions (to a bed or same-day care) of people 65+ due to a fall",
       "", false, Better::Lower, KpiModule::Conditions},
      {"falls_admissions_65plus_per_100k", "per year per 100k 65+",
       "emergency admissions due to falls of people 65+ per year per 100,000 aged 65+ (PHOF C29, BCF metric; crude rate)",
       "Emergency admissions due to falls, 65+", false, Better::Lower, KpiModule::Conditions},
      {"acsc_chronic_admissions", "admissions", "emergency admissions for chronic ambulatory-care-sensitive conditions (all ages)",
       "", false, Better::Lower, KpiModule::Conditions},
      {"acsc_chronic_admissions_per_100k", "per year per 100k",
       "unplanned admissions for chronic ambulatory-care-sensitive conditions per year per 100,000 (NHS OF 2.3.i; the BCF "
       "avoidable admissions metric; crude rate)", "Avoidable admissions (chronic ACSC)", false, Better::Lower, KpiModule::Conditions},
      {"acsc_urgent_admissions", "admissions", "emergency admissions for urgent-care-sensitive (acute ACSC) conditions (all ages)",
       "", false, Better::Lower, KpiModule::Conditions},
      {"acsc_urgent_admissions_per_100k", "per year per 100k",
       "emergency admissions for acute conditions that should not usually need an admission per year per 100,000 (NHS OF 3a; "
       "crude rate)", "Urgent-care-sensitive admissions", false, Better::Lower, KpiModule::Conditions},
      {"ambulance_incidents", "incidents", "incidents the ambulance service handled (hear and treat, see and treat, conveyed to A&E)",
       "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_conveyed_pct", "%", "incidents with a patient conveyed to an emergency department / all incidents (AQI conveyance)",
       "Ambulance conveyance to A&E", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_see_and_treat_pct", "%", "incidents treated at the scene and not conveyed / all incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_hear_and_treat_pct", "%", "incidents closed with advice by phone, no vehicle sent / all incidents", "", false,
       Better::Neither, KpiModule::Ambulance},
      {"cat1_mean_response_min", "min", "mean time from call to a vehicle at the scene, category 1 incidents (standard 7 min)",
       "Category 1 mean response", false, Better::Lower, KpiModule::Ambulance, true},
      {"cat2_mean_response_min", "min", "mean time from call to a vehicle at the scene, category 2 incidents (standard 18 min)",
       "Category 2 mean response", true, Better::Lower, KpiModule::Ambulance, true},
      {"cat1_p90_response_min", "min", "90th centile of call to a vehicle at the scene, category 1 incidents (standard 15 min)", "",
       false, Better::Lower, KpiModule::Ambulance, true},
      {"cat2_p90_response_min", "min", "90th centile of call to a vehicle at the scene, category 2 incidents (standard 40 min)",
       "Category 2 90th centile response", false, Better::Lower, KpiModule::Ambulance, true},
      {"handover_mean_min", "min", "mean time from an ambulance's arrival at hospital to handover of its patient", "Mean handover time",
       false, Better::Lower, KpiModule::Ambulance, true},
      {"handovers_over_30min", "handovers", "handovers taking more than 30 minutes from arrival at hospital", "Handovers over 30 minutes",
       false, Better::Lower, KpiModule::Ambulance, true},
      {"handovers_over_60min", "handovers", "handovers taking more than 60 minutes from arrival at hospital", "Handovers over 60 minutes",
       true, Better::Lower, KpiModule::Ambulance, true},
      {"handover_hours_lost", "hours", "ambulance hours lost to handover: time beyond 15 minutes from arrival to handover, summed",
       "Hours lost to handover delays", true, Better::Lower, KpiModule::Ambulance, true},
      {"ambulance_job_cycle_mean_min", "min", "mean time a vehicle is committed to an incident, from dispatch to clear", "", false,
       Better::Lower, KpiModule::Ambulance, true},
  }};
  return catalogue;
}

std::vector<std::string> kpi_names() {
  std::vector<std::string> names;
  for (const KpiInfo& k : kpi_catalogue()) names.emplace_back(k.name);
  return names;
}

const std::array<KpiInfo, kDailyCount>& daily_catalogue() {
  static const std::array<KpiInfo, kDailyCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals on the day", "A&E attendances", false},
      {"ae_4h_pct", "%", "4-hour performance of the day's arrivals", "A&E 4-hour performance", true},
      {"nea", "admissions", "emergency admissions to a bed on the day"},
      {"beds_occupied", "beds", "occupied acute beds at midnight, all sites", "Occupied acute beds", false},
      {"bed_occupancy_pct", "%", "occupied / available acute beds at midnight", "Acute bed occupancy", true},
      {"dtoc_delayed_patients", "patients", "patients aged 18+ delayed at midnight", "Delayed transfers of care: patients delayed at midnight", true},
      {"nctr_midnight", "patients", "adults 18+ in acute beds at midnight with no criteria to reside", "No criteria to reside at midnight", false},
      {"discharged_on_ready_date_pct", "%", "adults discharged on the day (one night or more) whose discharge-ready date it was",
       "Discharged on their discharge-ready date", false},
      {"reablement_in_use", "packages", "reablement packages in use at midnight"},
      {"intermediate_care_in_use", "beds", "intermediate-care beds in use at midnight"},
      {"care_home_residents", "residents", "permanent care-home residents at midnight"},
      {"care_home_admissions_65plus", "admissions", "permanent care-home admissions of people 65+ on the day"},
      {"gp_unmet_appointments", "appointments", "GP demand above available slots on the day"},
      {"opel_level", "level", "highest OPEL level (1-4) over sites at midnight; 0 when winter.opel is off", "OPEL escalation level", true},
      {"beds_closed", "beds", "general beds closed by outbreaks at midnight, all sites", "Beds closed", true},
      {"escalation_beds_open", "beds", "escalation beds open at midnight, all sites", "Escalation beds open", true},
      {"beds_available", "beds", "open acute beds at midnight (general - closed + escalation open), all sites"},
      {"virtual_ward_in_use", "slots", "virtual-ward slots in use at midnight, all sites", "Virtual ward patients at midnight",
       true, Better::Neither, KpiModule::VirtualWards},
      {"elective_waiting_list", "patients", "admitted waiting list at midnight (listed or awaiting a new date), all sites",
       "Elective waiting list (admitted)", true, Better::Lower, KpiModule::PlannedCare},
      {"elective_in_beds", "patients", "elective inpatients in a bed at midnight, all sites", "", false, Better::Neither,
       KpiModule::PlannedCare},
  }};
  return catalogue;
}

// By site: the site that treated the patient (A&E site, bed site, the site that discharged them). A per-100k rate
// divides by the site's catchment: Σ over localities of population × the locality's ae.site_choice share.
const std::array<KpiInfo, kKpiCount>& by_site_catalogue() {
  static const std::array<KpiInfo, kKpiCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals at the site"},
      {"ae_4h_pct", "%", "site's A&E attendances leaving (discharge, SDEC or to its beds) within 240 min of arrival"},
      {"ae_mean_time_min", "min", "mean time from arrival to leaving the site's A&E"},
      {"ae_4h_type1_pct", "%", "site's type 1 attendances leaving within 240 min of arrival"},
      {"ae_time_median_min", "min", "median time from arrival to leaving the site's A&E"},
      {"ae_time_p95_min", "min", "95th centile time from arrival to leaving the site's A&E"},
      {"ae_12h_from_arrival_pct", "%", "site's attendances more than 12 hours in its A&E from arrival"},
      {"ae_left_without_being_seen_pct", "%", "site's attendances leaving before being seen by a clinician"},
      {"nea", "admissions", "emergency admissions to a bed at the site"},
      {"nea_per_100k", "per year per 100k",
       "admissions to the site per year per 100,000 of its catchment (population x ae.site_choice share); 0 without catchment"},
      {"sdec_admissions", "admissions", "same-day emergency care admissions at the site"},
      {"nea_all", "admissions", "emergency admissions at the site including same-day emergency care"},
      {"nea_all_per_100k", "per year per 100k", "nea_all per year per 100,000 of the site's catchment; 0 without catchment"},
      {"nea_zero_los", "admissions", "emergency admissions at the site discharged on the day of admission (SDEC, same-day stays)"},
      {"nea_los_1plus_days", "admissions", "emergency admissions to the site's beds staying past at least one midnight"},
      {"bed_occupancy_pct", "%", "time-average occupied / available beds at the site"},
      {"bed_occupancy_midnight_pct", "%", "occupied / available beds at the site at midnight, averaged over the days (KH03)"},
      {"trolley_wait_mean_h", "h", "mean wait from decision to admit (or direct referral) to a bed at the site"},
      {"trolley_waits_12h", "patients", "site's A&E patients waiting more than 12 hours from decision to admit to one of its beds"},
      {"dtoc_days", "bed-days", "delayed bed-days in the site's beds"},
      {"dtoc_days_nhs", "bed-days", "delayed bed-days in the site's beds attributed to the NHS"},
      {"dtoc_days_social_care", "bed-days", "delayed bed-days in the site's beds attributed to social care"},
      {"dtoc_days_both", "bed-days", "delayed bed-days in the site's beds attributed to both"},
      {"dtoc_days_non_acute", "bed-days", "delayed bed-days in intermediate care of people the site discharged"},
      {"dtoc_daily_delays", "patients", "mean patients 18+ delayed at midnight in the site's beds, or in intermediate care after them"},
      {"dtoc_daily_delays_nhs", "patients", "the site's daily delays attributed to the NHS"},
      {"dtoc_daily_delays_social_care", "patients", "the site's daily delays attributed to social care"},
      {"dtoc_daily_delays_both", "patients", "the site's daily delays attributed to both"},
      {"dtoc_daily_delays_non_acute", "patients", "daily delays in intermediate care of people the site discharged"},
      {"dtoc_daily_delays_per_100k_18plus", "per 100k 18+",
       "site's daily delays per 100,000 of its catchment aged 18+ (population x ae.site_choice share)"},
      {"reablement_91d_home_pct", "%", "people 65+ the site discharged into reablement/rehab (P1/P2), Oct-Dec, at home on day 91"},
      {"care_home_admissions_per_100k_65plus", "per year per 100k 65+",
       "care-home admissions 65+ of people the site discharged, plus community referrals split by their locality's "
       "ae.site_choice shares, per 100,000 of the site's catchment aged 65+"},
      {"care_home_admissions_per_100k_18to64", "per year per 100k 18-64",
       "care-home admissions 18-64 of people the site discharged, plus community referrals split by ae.site_choice shares, per "
       "100,000 of the site's catchment aged 18-64"},
      {"los_over_21d", "patients", "adults in the site's beds with LOS >= 21 days (midnight census mean)"},
      {"readmission_30d_pct", "%", "discharges from the site followed by an emergency readmission within 30 days"},
      {"hospital_deaths", "deaths", "stays in the site's acute beds that ended in death"},
      {"hospital_deaths_pct", "%", "stays in the site's beds ending in the period that ended in death"},
      {"discharges_before_noon_pct", "%", "discharges from the site's beds before 12:00"},
      {"weekend_discharges_pct", "%", "discharges from the site's beds on Saturdays and Sundays"},
      {"discharged_on_ready_date_pct", "%", "adults discharged from the site's beds (one night or more) on their discharge-ready date"},
      {"discharge_delay_days_mean", "days", "mean days from discharge-ready date to discharge, the site's adult discharges"},
      {"discharge_delay_days_mean_delayed", "days", "the same for the site's adults not discharged on that date"},
      {"nctr_midnight", "patients", "mean adults in the site's beds at midnight with no criteria to reside"},
      {"nctr_midnight_p0", "patients", "the site's no-criteria-to-reside patients on pathway 0"},
      {"nctr_midnight_p1", "patients", "the site's no-criteria-to-reside patients on pathway 1"},
      {"nctr_midnight_p2", "patients", "the site's no-criteria-to-reside patients on pathway 2"},
      {"nctr_midnight_p3", "patients", "the site's no-criteria-to-reside patients on pathway 3"},
      {"discharged_usual_residence_pct", "%", "discharges from the site's beds to the person's usual place of residence"},
      {"discharged_usual_residence_65plus_pct", "%", "the same for people aged 65+"},
      {"gp_unmet_appointments", "appointments", "GP demand above slots, each locality's split by its ae.site_choice shares"},
      {"opel4_days", "days", "days at OPEL 4 (midnight) at the site; 0 when winter.opel is off"},
      {"escalation_bed_days", "bed-days", "escalation beds open at the site (time integral)"},
      {"ae_still_in_department_at_end", "attendances", "site's measured attendances still in its A&E at the follow-up cap"},
      {"awaiting_bed_at_end", "patients", "measured requests for the site's beds still without a bed at the follow-up cap"},
      {"virtual_ward_occupancy_pct", "%", "time-average slots in use / slots available on the site's virtual ward", "", false,
       Better::Neither, KpiModule::VirtualWards},
      {"virtual_ward_admissions_avoided", "admissions", "the site's would-be A&E admissions treated on its virtual ward (step-up)",
       "", false, Better::Higher, KpiModule::VirtualWards},
      {"virtual_ward_bed_days_saved", "bed-days",
       "bed-days saved at the site: step-down shortening of its stays taken plus step-up stays on its virtual ward", "", false,
       Better::Higher, KpiModule::VirtualWards},
      {"elective_referrals", "referrals", "RTT clock starts treated by the site", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_admissions", "admissions", "the site's ordinary elective admissions", "", false, Better::Neither, KpiModule::PlannedCare},
      {"day_case_admissions", "admissions", "the site's elective day cases", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_cancelled_on_day", "operations", "operations cancelled on the day at the site (no bed free)", "", false, Better::Lower, KpiModule::PlannedCare},
      {"elective_cancelled_on_day_pct", "%", "the site's cancellations on the day / its elective admissions", "", false, Better::Lower, KpiModule::PlannedCare},
      {"elective_not_rebooked_28d", "patients", "the site's cancelled operations not done within 28 days", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_incomplete_18w_pct", "%", "the site's incomplete pathways under 18 weeks at the month-ends", "", false, Better::Higher, KpiModule::PlannedCare},
      {"rtt_waiting_list", "pathways", "the site's incomplete pathways at month-end, mean over the month-ends", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_52w_waiters", "pathways", "the site's incomplete pathways of 52 weeks or more at month-end, mean", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_admitted_18w_pct", "%", "the site's admitted clock stops within 18 weeks", "", false, Better::Higher, KpiModule::PlannedCare},
      {"elective_within_priority_target_pct", "%", "the site's elective patients treated within their priority's target", "", false,
       Better::Higher, KpiModule::PlannedCare},
      {"theatre_utilisation_pct", "%", "the site's theatre minutes of cases operated / session minutes planned", "", false, Better::Higher, KpiModule::PlannedCare},
      {"elective_bed_days", "bed-days", "bed-days used by the site's elective inpatients", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_ward_occupancy_pct", "%", "time-average occupancy of the site's elective ward; 0 without one", "", false, Better::Neither, KpiModule::PlannedCare},
      {"falls_admissions_65plus", "admissions", "emergency admissions due to falls, 65+, at the site", "", false, Better::Lower, KpiModule::Conditions},
      {"falls_admissions_65plus_per_100k", "per year per 100k 65+", "the same per 100,000 aged 65+ of the site's catchment", "", false,
       Better::Lower, KpiModule::Conditions},
      {"acsc_chronic_admissions", "admissions", "chronic ACSC emergency admissions at the site", "", false, Better::Lower, KpiModule::Conditions},
      {"acsc_chronic_admissions_per_100k", "per year per 100k", "the same per 100,000 of the site's catchment", "", false, Better::Lower,
       KpiModule::Conditions},
      {"acsc_urgent_admissions", "admissions", "urgent-care-sensitive emergency admissions at the site", "", false, Better::Lower,
       KpiModule::Conditions},
      {"acsc_urgent_admissions_per_100k", "per year per 100k", "the same per 100,000 of the site's catchment", "", false, Better::Lower,
       KpiModule::Conditions},
      {"ambulance_incidents", "incidents", "ambulance incidents: conveyed to the site, and the rest shared by ae.site_choice", "", false,
       Better::Neither, KpiModule::Ambulance},
      {"ambulance_conveyed_pct", "%", "the same, conveyed to A&E / all incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_see_and_treat_pct", "%", "the same, see and treat / all incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_hear_and_treat_pct", "%", "the same, hear and treat / all incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"cat1_mean_response_min", "min", "category 1 mean response, incidents shared by ae.site_choice", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat2_mean_response_min", "min", "category 2 mean response, incidents shared by ae.site_choice", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat1_p90_response_min", "min", "category 1 90th centile response, incidents shared by ae.site_choice", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat2_p90_response_min", "min", "category 2 90th centile response, incidents shared by ae.site_choice", "", false, Better::Lower, KpiModule::Ambulance},
      {"handover_mean_min", "min", "mean handover time of ambulances arriving at the site", "", false, Better::Lower, KpiModule::Ambulance},
      {"handovers_over_30min", "handovers", "the site's handovers over 30 minutes", "", false, Better::Lower, KpiModule::Ambulance},
      {"handovers_over_60min", "handovers", "the site's handovers over 60 minutes", "", false, Better::Lower, KpiModule::Ambulance},
      {"handover_hours_lost", "hours", "hours lost to handover beyond 15 minutes at the site", "", false, Better::Lower, KpiModule::Ambulance},
      {"ambulance_job_cycle_mean_min", "min", "mean job cycle, conveyed to the site or shared by ae.site_choice", "", false, Better::Lower, KpiModule::Ambulance},
  }};
  return catalogue;
}

// By locality: the patient's home locality, wherever they were treated; per-100k rates use the locality's own
// population. Site capacity (available beds, OPEL 4 days, escalation beds) is shared out by the locality's part of
// each site's catchment.
const std::array<KpiInfo, kKpiCount>& by_locality_catalogue() {
  static const std::array<KpiInfo, kKpiCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals of the locality's residents, any site"},
      {"ae_4h_pct", "%", "residents' A&E attendances leaving within 240 min of arrival"},
      {"ae_mean_time_min", "min", "residents' mean time from A&E arrival to leaving the department"},
      {"ae_4h_type1_pct", "%", "residents' type 1 attendances leaving within 240 min of arrival"},
      {"ae_time_median_min", "min", "residents' median time from A&E arrival to leaving the department"},
      {"ae_time_p95_min", "min", "residents' 95th centile time from A&E arrival to leaving the department"},
      {"ae_12h_from_arrival_pct", "%", "residents' attendances more than 12 hours in A&E from arrival"},
      {"ae_left_without_being_seen_pct", "%", "residents' attendances leaving before being seen by a clinician"},
      {"nea", "admissions", "emergency admissions of the locality's residents to a bed"},
      {"nea_per_100k", "per year per 100k", "residents' emergency admissions per year per 100,000 of the locality's population"},
      {"sdec_admissions", "admissions", "residents' same-day emergency care admissions"},
      {"nea_all", "admissions", "residents' emergency admissions including same-day emergency care"},
      {"nea_all_per_100k", "per year per 100k", "residents' nea_all per year per 100,000 of the locality's population"},
      {"nea_zero_los", "admissions", "residents' emergency admissions discharged on the day of admission (SDEC, same-day stays)"},
      {"nea_los_1plus_days", "admissions", "residents' emergency admissions to a bed staying past at least one midnight"},
      {"bed_occupancy_pct", "%",
       "bed-time used by residents / the locality's part of the available bed-time (each site's beds shared out by the "
       "locality's part of its catchment; above 100 when residents use more than that part)"},
      {"bed_occupancy_midnight_pct", "%", "residents in acute beds at midnight / the locality's part of the beds available then"},
      {"trolley_wait_mean_h", "h", "residents' mean wait from decision to admit (or direct referral) to a bed"},
      {"trolley_waits_12h", "patients", "residents' A&E patients waiting more than 12 hours from decision to admit to a bed"},
      {"dtoc_days", "bed-days", "residents' delayed bed-days, any site"},
      {"dtoc_days_nhs", "bed-days", "residents' delayed bed-days attributed to the NHS"},
      {"dtoc_days_social_care", "bed-days", "residents' delayed bed-days attributed to social care"},
      {"dtoc_days_both", "bed-days", "residents' delayed bed-days attributed to both"},
      {"dtoc_days_non_acute", "bed-days", "residents' delayed bed-days in intermediate care"},
      {"dtoc_daily_delays", "patients", "mean residents 18+ delayed at midnight, any site, acute and non-acute"},
      {"dtoc_daily_delays_nhs", "patients", "residents' daily delays attributed to the NHS"},
      {"dtoc_daily_delays_social_care", "patients", "residents' daily delays attributed to social care"},
      {"dtoc_daily_delays_both", "patients", "residents' daily delays attributed to both"},
      {"dtoc_daily_delays_non_acute", "patients", "residents' daily delays in intermediate care"},
      {"dtoc_daily_delays_per_100k_18plus", "per 100k 18+", "residents' daily delays per 100,000 of the locality's population aged 18+"},
      {"reablement_91d_home_pct", "%", "residents 65+ discharged into reablement/rehab (P1/P2), Oct-Dec, at home on day 91"},
      {"care_home_admissions_per_100k_65plus", "per year per 100k 65+",
       "residents' permanent care-home admissions 65+ per 100,000 of the locality's population aged 65+"},
      {"care_home_admissions_per_100k_18to64", "per year per 100k 18-64",
       "residents' permanent care-home admissions 18-64 per 100,000 of the locality's population aged 18-64"},
      {"los_over_21d", "patients", "adult residents in acute beds with LOS >= 21 days (midnight census mean)"},
      {"readmission_30d_pct", "%", "residents' discharges followed by an emergency readmission within 30 days"},
      {"hospital_deaths", "deaths", "residents' acute stays that ended in death in hospital, any site"},
      {"hospital_deaths_pct", "%", "residents' acute stays ending in the period that ended in death, any site"},
      {"discharges_before_noon_pct", "%", "residents' discharges from acute beds before 12:00, any site"},
      {"weekend_discharges_pct", "%", "residents' discharges from acute beds on Saturdays and Sundays, any site"},
      {"discharged_on_ready_date_pct", "%", "adult residents discharged (one night or more, any site) on their discharge-ready date"},
      {"discharge_delay_days_mean", "days", "residents' mean days from discharge-ready date to discharge, any site"},
      {"discharge_delay_days_mean_delayed", "days", "the same for residents not discharged on that date"},
      {"nctr_midnight", "patients", "mean adult residents in acute beds at midnight with no criteria to reside, any site"},
      {"nctr_midnight_p0", "patients", "residents with no criteria to reside on pathway 0"},
      {"nctr_midnight_p1", "patients", "residents with no criteria to reside on pathway 1"},
      {"nctr_midnight_p2", "patients", "residents with no criteria to reside on pathway 2"},
      {"nctr_midnight_p3", "patients", "residents with no criteria to reside on pathway 3"},
      {"discharged_usual_residence_pct", "%", "residents' discharges to their usual place of residence, any site"},
      {"discharged_usual_residence_65plus_pct", "%", "the same for residents aged 65+"},
      {"gp_unmet_appointments", "appointments", "GP appointment demand above available slots in the locality"},
      {"opel4_days", "site-days", "site-days at OPEL 4, each site's shared out by the locality's part of its catchment"},
      {"escalation_bed_days", "bed-days", "escalation bed-days, each site's shared out by the locality's part of its catchment"},
      {"ae_still_in_department_at_end", "attendances", "residents' measured attendances still in A&E at the follow-up cap, any site"},
      {"awaiting_bed_at_end", "patients", "residents' measured bed requests still without a bed at the follow-up cap, any site"},
      {"virtual_ward_occupancy_pct", "%",
       "slot-time used by residents / the locality's part of the virtual-ward slot-time (each site's slots shared out by the "
       "locality's part of its catchment; above 100 when residents use more than that part)",
       "", false, Better::Neither, KpiModule::VirtualWards},
      {"virtual_ward_admissions_avoided", "admissions", "residents' would-be A&E admissions treated on a virtual ward (step-up)", "",
       false, Better::Higher, KpiModule::VirtualWards},
      {"virtual_ward_bed_days_saved", "bed-days", "residents' acute bed-days saved by virtual wards (step-down taken plus step-up stays)",
       "", false, Better::Higher, KpiModule::VirtualWards},
      {"elective_referrals", "referrals", "residents' RTT clock starts", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_admissions", "admissions", "residents' ordinary elective admissions, any site", "", false, Better::Neither, KpiModule::PlannedCare},
      {"day_case_admissions", "admissions", "residents' elective day cases, any site", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_cancelled_on_day", "operations", "residents' operations cancelled on the day", "", false, Better::Lower, KpiModule::PlannedCare},
      {"elective_cancelled_on_day_pct", "%", "residents' cancellations on the day / their elective admissions", "", false, Better::Lower, KpiModule::PlannedCare},
      {"elective_not_rebooked_28d", "patients", "residents' cancelled operations not done within 28 days", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_incomplete_18w_pct", "%", "residents' incomplete pathways under 18 weeks at the month-ends", "", false, Better::Higher, KpiModule::PlannedCare},
      {"rtt_waiting_list", "pathways", "residents' incomplete pathways at month-end, mean over the month-ends", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_52w_waiters", "pathways", "residents' incomplete pathways of 52 weeks or more at month-end, mean", "", false, Better::Lower, KpiModule::PlannedCare},
      {"rtt_admitted_18w_pct", "%", "residents' admitted clock stops within 18 weeks", "", false, Better::Higher, KpiModule::PlannedCare},
      {"elective_within_priority_target_pct", "%", "residents treated within their priority's target", "", false, Better::Higher, KpiModule::PlannedCare},
      {"theatre_utilisation_pct", "%",
       "utilisation of the theatres serving the locality: each site's minutes shared out by the locality's part of its A&E catchment",
       "", false, Better::Higher, KpiModule::PlannedCare},
      {"elective_bed_days", "bed-days", "bed-days used by residents' elective stays", "", false, Better::Neither, KpiModule::PlannedCare},
      {"elective_ward_occupancy_pct", "%", "occupancy of the elective wards serving the locality, shared out by catchment as theatres",
       "", false, Better::Neither, KpiModule::PlannedCare},
      {"falls_admissions_65plus", "admissions", "residents' emergency admissions due to falls, 65+, any site", "", false, Better::Lower,
       KpiModule::Conditions},
      {"falls_admissions_65plus_per_100k", "per year per 100k 65+", "the same per 100,000 residents aged 65+", "", false, Better::Lower,
       KpiModule::Conditions},
      {"acsc_chronic_admissions", "admissions", "residents' chronic ACSC emergency admissions, any site", "", false, Better::Lower,
       KpiModule::Conditions},
      {"acsc_chronic_admissions_per_100k", "per year per 100k", "the same per 100,000 residents", "", false, Better::Lower,
       KpiModule::Conditions},
      {"acsc_urgent_admissions", "admissions", "residents' urgent-care-sensitive emergency admissions, any site", "", false,
       Better::Lower, KpiModule::Conditions},
      {"acsc_urgent_admissions_per_100k", "per year per 100k", "the same per 100,000 residents", "", false, Better::Lower,
       KpiModule::Conditions},
      {"ambulance_incidents", "incidents", "ambulance incidents of the locality's residents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_conveyed_pct", "%", "residents' incidents conveyed to A&E / all their incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_see_and_treat_pct", "%", "residents' incidents seen and treated / all their incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"ambulance_hear_and_treat_pct", "%", "residents' incidents heard and treated / all their incidents", "", false, Better::Neither, KpiModule::Ambulance},
      {"cat1_mean_response_min", "min", "category 1 mean response to residents", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat2_mean_response_min", "min", "category 2 mean response to residents", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat1_p90_response_min", "min", "category 1 90th centile response to residents", "", false, Better::Lower, KpiModule::Ambulance},
      {"cat2_p90_response_min", "min", "category 2 90th centile response to residents", "", false, Better::Lower, KpiModule::Ambulance},
      {"handover_mean_min", "min", "mean handover time of residents conveyed, any site", "", false, Better::Lower, KpiModule::Ambulance},
      {"handovers_over_30min", "handovers", "residents' handovers over 30 minutes", "", false, Better::Lower, KpiModule::Ambulance},
      {"handovers_over_60min", "handovers", "residents' handovers over 60 minutes", "", false, Better::Lower, KpiModule::Ambulance},
      {"handover_hours_lost", "hours", "hours lost to residents' handovers beyond 15 minutes", "", false, Better::Lower, KpiModule::Ambulance},
      {"ambulance_job_cycle_mean_min", "min", "mean job cycle of incidents for residents", "", false, Better::Lower, KpiModule::Ambulance},
  }};
  return catalogue;
}

const std::array<KpiInfo, kMonthlyCount>& monthly_catalogue() {
  static const std::array<KpiInfo, kMonthlyCount> catalogue = {{
      {"ae_attendances", "attendances", "A&E arrivals in the month"},
      {"ae_4h_pct", "%", "4-hour performance of the month's arrivals", "A&E 4-hour performance", true, Better::Higher},
      {"bed_occupancy_pct", "%", "time-average occupied / available acute beds in the month, all sites"},
      {"dtoc_daily_delays", "patients", "mean patients 18+ delayed at midnight in the month"},
      {"opel4_days", "site-days", "days at OPEL 4 in the month, summed over sites"},
      {"rtt_waiting_list", "pathways", "incomplete RTT pathways at the month's end", "RTT waiting list", true, Better::Lower,
       KpiModule::PlannedCare},
      {"rtt_incomplete_18w_pct", "%", "incomplete RTT pathways under 18 weeks at the month's end", "RTT within 18 weeks", true,
       Better::Higher, KpiModule::PlannedCare},
      {"rtt_52w_waiters", "pathways", "incomplete RTT pathways of 52 weeks or more at the month's end", "", false, Better::Lower,
       KpiModule::PlannedCare},
      {"elective_cancelled_on_day", "operations", "operations cancelled on the day in the month", "Cancelled on the day", true,
       Better::Lower, KpiModule::PlannedCare},
  }};
  return catalogue;
}

const std::array<KpiInfo, kTravelTableCount>& travel_catalogue() {
  static const std::array<KpiInfo, kTravelTableCount> catalogue = {{
      {"routed_patients", "patients", "measured arrivals treated at another site than their first choice because it does not provide their stream"},
      {"transfers", "patients", "routed A&E attenders who arrived at their first-choice site and were transferred"},
      {"extra_travel_min_mean", "min",
       "mean extra road minutes (treating site minus first-choice site, from the locality) of routed patients; 0 when none"},
      {"extra_travel_min_p95", "min", "95th percentile of the extra road minutes of routed patients; 0 when none"},
  }};
  return catalogue;
}

const std::array<std::string_view, kSchemeActivityCount>& scheme_activity_names() {
  static const std::array<std::string_view, kSchemeActivityCount> names = {"attendances_avoided", "admissions_avoided",
                                                                           "bed_days_saved", "dtoc_days_saved"};
  return names;
}

bool kpi_written(const KpiInfo& info, const Scenario& scenario) {
  switch (info.module) {
    case KpiModule::Always: return true;
    case KpiModule::VirtualWards: return scenario.virtual_wards.has_value();
    case KpiModule::PlannedCare: return scenario.planned_care.has_value();
    case KpiModule::Conditions: return !scenario.admission.condition_shares.empty();
    case KpiModule::Ambulance: return scenario.ambulance.has_value();
  }
  return true;
}

const KpiInfo* find_kpi_info(std::string_view name) {
  for (const KpiInfo& k : kpi_catalogue())
    if (k.name == name) return &k;
  for (const KpiInfo& k : daily_catalogue())
    if (k.name == name) return &k;
  for (const KpiInfo& k : monthly_catalogue())
    if (k.name == name) return &k;
  for (const KpiInfo& k : travel_catalogue())
    if (k.name == name) return &k;
  return nullptr;
}

MeasuredMonths measured_months(const std::chrono::year_month_day& start_date, int days) {
  MeasuredMonths months;
  const std::chrono::sys_days first{start_date};
  std::chrono::year_month current{};
  for (int d = 0; d < days; ++d) {
    const std::chrono::year_month_day date{first + std::chrono::days{d}};
    const std::chrono::year_month ym{date.year(), date.month()};
    if (months.labels.empty() || ym != current) {
      current = ym;
      months.labels.push_back(fmt::format("{:04}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month())));
    }
    months.month_of_day.push_back(static_cast<std::uint16_t>(months.labels.size() - 1));
  }
  return months;
}

}  // namespace pfsim::scenario
