#!/usr/bin/python3
"""Writes scenarios/mid-south-essex-2016.yaml and scenarios/options/*.yaml (README "Reconfiguration options").

The numbers that need arithmetic (locality populations, the logit site choice from travel times, each site's beds
and A&E rota sized to its expected workload, the beds each option moves with its routed patients, the planned-care
referrals, theatre sessions and elective wards of each site and option) are computed here
so the YAML comments can state the rule and a planner can rerun it after changing an input. Every input below says
where it comes from: `seeds/<file> L<line>` or "assumed".
"""
import math
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BANDS = ["0-17", "18-64", "65-74", "75-84", "85+"]
SITES = ["Basildon", "Broomfield", "Southend"]  # BTUHFT, MEHT, SUHFT (seeds/003 L74, L433-439)

# CCGs: population, age shares, growth. The 26 localities are seeds/003 L1295-L1345.
# Essex CC shares (seeds/001 L1822-L1829: % of the CCG in Essex, % of Essex in the CCG) with CP&R 179,660 registered
# (seeds/002 L1844 + L1864) give Essex ~ 171,036 / 0.115 = 1,487,270 people: Mid Essex 0.255 x 1,487,270 = 379,254;
# B&B 0.182 x 1,487,270 / 0.998 = 271,228. Thurrock is not in the documents (assumed 168,000, ONS-like).
# Sum 1,173,942 ~ "~1.2 million people" (seeds/003 L74).
CCGS = {
    "Mid Essex": dict(people=379254, source="seeds/001 L1829 (25.5 % of Essex)",
                      shares=[0.205, 0.590, 0.110, 0.066, 0.029], growth=[0.006, 0.004, 0.010, 0.025, 0.030],
                      localities=[("Braintree", 1295), ("Witham", 1297), ("Chelmsford 1", 1299), ("Chelmsford 2", 1301),
                                  ("Colne Valley", 1303), ("Dengie", 1305), ("Prosper", 1307), ("Maldon", 1309),
                                  ("South Woodham", 1311)]),
    "Basildon & Brentwood": dict(people=271228, source="seeds/001 L1822 (18.2 % of Essex)",
                                 shares=[0.215, 0.600, 0.100, 0.060, 0.025], growth=[0.006, 0.004, 0.010, 0.025, 0.030],
                                 localities=[("Billericay", 1313), ("Brentwood", 1315), ("Wickford", 1317),
                                             ("East Basildon", 1319), ("West Basildon", 1321)]),
    "Thurrock": dict(people=168000, source="assumed (not in the documents; ONS-like)",
                     shares=[0.240, 0.620, 0.080, 0.043, 0.017], growth=[0.008, 0.006, 0.012, 0.025, 0.030],
                     localities=[("Grays", 1323), ("South Ockendon", 1325), ("Tilbury", 1327), ("Corringham", 1329)]),
    "Castle Point & Rochford": dict(people=179660, source="seeds/002 L1844 + L1864",
                                    shares=[0.194, 0.564, 0.127, 0.082, 0.033], growth=[0.006, 0.004, 0.008, 0.022, 0.030],
                                    localities=[("Rochford", 1331), ("Rayleigh", 1333), ("Benfleet & Hadleigh", 1335),
                                                ("Canvey Island", 1337)]),
    "Southend": dict(people=175800, source="seeds/000 L48",
                     shares=[0.215, 0.580, 0.105, 0.070, 0.030], growth=[0.006, 0.004, 0.0, 0.005, 0.010],
                     localities=[("Southend East", 1339), ("Southend East Central", 1341), ("Southend West", 1343),
                                 ("Southend West Central", 1345)]),
}
# Road minutes locality -> [Basildon, Broomfield, Southend] (assumed: typical off-peak drive from the locality's main
# town to the hospital; the documents give no travel times).
TRAVEL = {
    "Braintree": [40, 20, 50], "Witham": [35, 17, 42], "Chelmsford 1": [25, 8, 35], "Chelmsford 2": [23, 12, 33],
    "Colne Valley": [50, 30, 60], "Dengie": [40, 35, 40], "Prosper": [27, 12, 37], "Maldon": [30, 20, 35],
    "South Woodham": [18, 22, 22],
    "Billericay": [12, 22, 28], "Brentwood": [20, 25, 35], "Wickford": [10, 22, 22], "East Basildon": [7, 28, 22],
    "West Basildon": [8, 30, 27],
    "Grays": [20, 40, 35], "South Ockendon": [25, 40, 40], "Tilbury": [22, 45, 35], "Corringham": [12, 35, 25],
    "Rochford": [25, 35, 12], "Rayleigh": [15, 28, 15], "Benfleet & Hadleigh": [15, 32, 12], "Canvey Island": [18, 38, 20],
    "Southend East": [30, 42, 12], "Southend East Central": [27, 40, 8], "Southend West": [22, 38, 7],
    "Southend West Central": [25, 40, 5],
}
HOME_SITE = {"Mid Essex": "Broomfield", "Basildon & Brentwood": "Basildon", "Thurrock": "Basildon",
             "Castle Point & Rochford": "Southend", "Southend": "Southend"}
# Site choice: logit on road minutes, share ~ exp(-(minutes - loyalty x [home trust]) / scale). scale 6 min and a
# 6-minute loyalty to the CCG's main trust give Castle Point & Rochford 84 % at Southend against 83 % of its
# admissions there in 2010/11 (seeds/002 L118; 6 % Basildon, 3 % Broomfield).
CHOICE_SCALE, LOYALTY = 6.0, 6.0

# Rates as the South East Essex 2019/20 baseline (national reference values, assumed there) without primary care.
AE_RATE = [310, 265, 285, 425, 480]  # 85+ without care-home residents, who have their own (care_homes.residents_ae)
# Sizing rotas and beds counts the residents' attendances in the 85+ rate: 1.2 a year each is about what 85+ hand
# over to them (640 -> 480 per 1,000 in the SEE baseline).
SIZING_AE_RATE = [310, 265, 285, 425, 640]
ADMIT = [0.09, 0.18, 0.36, 0.45, 0.54]
SDEC = 0.25
DIRECT = [5, 5, 12, 22, 35]
LOS_DAYS = [2, 4.5, 7, 9, 11]  # bed-days per stay (the model's LOS + the 0.3 d discharge timing adds)
READMIT = [0.08, 0.14, 0.17, 0.20, 0.22]
HOUR = [2.6, 2.1, 1.8, 1.5, 1.3, 1.3, 1.5, 2.2, 3.6, 5.3, 6.2, 6.4, 6.2, 6.0, 5.8, 5.7, 5.6, 5.6, 5.6, 5.4, 5.0, 4.5, 3.8, 3.2]
# Southend in the SEE baseline: 540 beds and this rota for ~108,400 attendances (scenarios/south-east-essex-2019.yaml).
SEE_BEDS, SEE_BED_DAYS = 540, None
SEE_WEEKDAY = [8, 7, 6, 5, 4, 4, 4, 6, 10, 14, 16, 17, 17, 16, 16, 15, 15, 15, 15, 15, 14, 13, 11, 10]
SEE_WEEKEND = [7, 6, 5, 4, 4, 4, 4, 6, 9, 13, 15, 16, 16, 15, 15, 14, 14, 14, 14, 14, 13, 12, 10, 9]
SEE_ATTENDANCES = 108400
# Per-site factors on the workload-proportional beds and A&E rota (assumed, hand-tuned with 6-replication runs): they
# set 4-hour performance near 2016/17 YTD (seeds/003 L435-439: BTUHFT 82.6 %, MEHT 78.6 %, SUHFT 87.0 %) with bed
# occupancy in the national 90-95 % range. Cutting beds alone would need ~98 % occupancy and day-long trolley waits.
BED_FACTOR = {"Basildon": 0.975, "Broomfield": 0.97, "Southend": 0.985}
CLINICIAN_FACTOR = {"Basildon": 0.94, "Broomfield": 0.92, "Southend": 0.95}

# Streams (assumed: national reference shapes; the documents name the services, not their volumes).
STREAMS = {
    "stroke": dict(admitted=[0.0, 0.008, 0.025, 0.035, 0.035], not_admitted=[0, 0, 0, 0, 0], direct_share=0.8,
                   transfer="gamma(mean=150min, sd=60min)"),
    "ambulance_majors": dict(admitted=[0.15, 0.30, 0.40, 0.45, 0.50], not_admitted=[0.03, 0.08, 0.12, 0.15, 0.18],
                             direct_share=0.9, transfer="gamma(mean=120min, sd=45min)"),
    "emergency_surgery": dict(admitted=[0.08, 0.12, 0.10, 0.09, 0.07], not_admitted=[0, 0, 0, 0, 0], direct_share=0.5,
                              transfer="gamma(mean=150min, sd=60min)"),
}
DAY = [8, 20]  # "daytime" ambulances and emergency surgery at an emergency hospital with elective (seeds/003 L2239-L2255)
ROLE_STREAMS = {  # role -> {stream: hours or None for 24/7}; seeds/003 L2222-L2270
    "specialist": {"stroke": None, "ambulance_majors": None, "emergency_surgery": None},
    "emergency": {"ambulance_majors": DAY, "emergency_surgery": DAY},
    "elective": {},
}
# The five configurations (seeds/003 L2442-L2534). The flattened table shows 1A as BTUHFT specialist with MEHT and
# SUHFT emergency centres with elective, and MEHT as specialist in another row; the other cells are lost in the
# text, so 1B, 1C (family 1: the letter picks the specialist site) and 2A, 2B (family 2: one site becomes an elective
# centre with A&E) are assumed.
OPTIONS = {
    "1a": ("Option 1A: Basildon specialist emergency hospital; Broomfield and Southend emergency hospitals with elective",
           {"Basildon": "specialist", "Broomfield": "emergency", "Southend": "emergency"}, "seeds/003 L2444-L2500"),
    "1b": ("Option 1B: Broomfield specialist emergency hospital; Basildon and Southend emergency hospitals with elective",
           {"Basildon": "emergency", "Broomfield": "specialist", "Southend": "emergency"}, "assumed from seeds/003 L2513-L2518"),
    "1c": ("Option 1C: Southend specialist emergency hospital; Basildon and Broomfield emergency hospitals with elective",
           {"Basildon": "emergency", "Broomfield": "emergency", "Southend": "specialist"}, "assumed (cell lost in seeds/003 L2444-L2534)"),
    "2a": ("Option 2A: Basildon specialist; Broomfield emergency hospital with elective; Southend elective centre with A&E",
           {"Basildon": "specialist", "Broomfield": "emergency", "Southend": "elective"}, "assumed (cell lost in seeds/003 L2444-L2534)"),
    "2b": ("Option 2B: Basildon specialist; Southend emergency hospital with elective; Broomfield elective centre with A&E",
           {"Basildon": "specialist", "Broomfield": "elective", "Southend": "emergency"}, "assumed (cell lost in seeds/003 L2444-L2534)"),
}


# Planned care (DESIGN §3 "Planned care"; issue 21). Referral-to-treatment (RTT) pathways by specialty: the rates,
# shares and durations of the South East Essex baseline's planned care (scenarios/south-east-essex-2019.yaml,
# every value assumed there from national mixes), written per specialty as (referrals per 1,000 a year by band,
# admitted share, non-admitted wait mean/sd days, decision to list mean/sd days, priority P1-P4, day-case share,
# case minutes mean/sd, inpatient stay mean/sd days).
SPECIALTIES = [
    ("trauma_orthopaedics", [22.5, 42, 82.5, 97.5, 90], 0.30, (60, 50), (45, 30), [0.02, 0.20, 0.35, 0.43], 0.45, (110, 45), (4, 4)),
    ("general_surgery", [18, 33.6, 66, 78, 72], 0.35, (50, 40), (40, 30), [0.04, 0.30, 0.33, 0.33], 0.70, (80, 35), (3.5, 4)),
    ("urology", [10.5, 19.6, 38.5, 45.5, 42], 0.40, (50, 40), (35, 25), [0.03, 0.35, 0.32, 0.30], 0.80, (50, 25), (2.5, 2.5)),
    ("ophthalmology", [15, 28, 55, 65, 60], 0.45, (45, 35), (30, 20), [0.01, 0.10, 0.39, 0.50], 0.97, (25, 10), (1.5, 1)),
    ("other", [84, 156.8, 308, 364, 336], 0.18, (55, 45), (35, 25), [0.03, 0.25, 0.35, 0.37], 0.85, (45, 25), (3, 3.5)),
]
# 2016/17 waits before listing were longer than the SEE scenario's 2019/20 ones: the 18-week incomplete standard was
# not being met (SUHFT recovery plan to deliver it, seeds/000 L1454-L1468; England ~90 % in 2016/17 against 92 %).
# assumed: the non-admitted waits and the decision to list x WAIT_FACTOR (mean and sd), hand-tuned with 8-replication
# runs so the incomplete pathways within 18 weeks sit near 90 %.
WAIT_FACTOR = 1.3
# Theatres: sessions of SESSION_MINUTES on weekdays (the model has no bank holidays: 365 x 5 / 7 = 260.7 weekdays a
# year), sized to each site's expected case minutes at THEATRE_UTILISATION (assumed, as the SEE scenario's ~85 %).
SESSION_MINUTES, WEEKDAYS, THEATRE_UTILISATION = 240, 365 * 5 / 7, 0.85
# Elective ward: lists run on weekdays only, so elective inpatients peak on Friday morning at peak_ratio() x their
# weekly mean (computed below from the stays). 2016/17: ring-fenced beds = WARD_FACTOR x that peak (assumed, hand-tuned
# with 8-replication runs so that on-the-day cancellations are near the national ~1 % of elective admissions,
# assumed: England ~80k a year around 2019): below the peak, so midweek the electives borrow general beds and are
# cancelled when emergency patients have filled them, the problem the STP names (seeds/003 L127-L129, L281).
WARD_FACTOR = 0.83
# An elective centre with A&E (options 2A, 2B) is elective care separated from emergency care (seeds/003 L127-L129;
# "protect and consolidate planned elective services on to key sites separate from" emergency care, seeds/000 L676):
# its one ring-fenced ward is planned to hold its own Friday peak plus CENTRE_Z standard deviations of a Poisson count
# (peak + 2 x sqrt(peak), assumed: a ~98 % chance the peak fits) and does not overflow into emergency beds. That is
# more ring-fenced beds than the two 2016/17 wards it replaces (the option comment gives the number): the beds the
# electives borrowed from emergency wards at the peak, now ring-fenced; the emergency beds of the option are left as
# the routed emergency workload sets them above, so the option has that many more beds in all (the documents give no
# bed numbers; assumed).
CENTRE_Z = 2


def localities():
    out = []
    for ccg, c in CCGS.items():
        n = len(c["localities"])
        for name, line in c["localities"]:
            total = c["people"] / n
            people = [round(total * s) for s in c["shares"]]
            out.append(dict(name=name, line=line, ccg=ccg, people=people, growth=c["growth"], source=c["source"], n=n))
    return out


def choice(loc):
    minutes = TRAVEL[loc["name"]]
    home = HOME_SITE[loc["ccg"]]
    w = [math.exp(-(m - (LOYALTY if s == home else 0.0)) / CHOICE_SCALE) for s, m in zip(SITES, minutes)]
    shares = [round(x / sum(w), 3) for x in w]
    shares[shares.index(max(shares))] += round(1.0 - sum(shares), 3)  # rounding goes to the main site
    return [round(s, 3) for s in shares]


def hour_weights():
    total = sum(HOUR)
    return [h / total for h in HOUR]


def provides(roles, stream, hour):
    for site in SITES:
        pass
    return [site for site in SITES if stream in ROLE_STREAMS[roles[site]] and
            (ROLE_STREAMS[roles[site]][stream] is None or ROLE_STREAMS[roles[site]][stream][0] <= hour < ROLE_STREAMS[roles[site]][stream][1])]


def workload(roles=None):
    """Expected attendances and bed-days per site per year (routing by the same rule as the model)."""
    att = {s: 0.0 for s in SITES}
    bed_days = {s: 0.0 for s in SITES}
    hw = hour_weights()
    for loc in localities():
        shares = choice(loc)
        main = SITES[shares.index(max(shares))]
        for b in range(len(BANDS)):
            people = loc["people"][b]
            attend = people * SIZING_AE_RATE[b] / 1000
            bedded_los = LOS_DAYS[b] * (1 + READMIT[b])  # readmissions return to the same site
            for first, share in zip(SITES, shares):
                for admitted in (True, False):
                    p = ADMIT[b] if admitted else 1 - ADMIT[b]
                    n = attend * share * p
                    rest = 1.0
                    for stream, sdef in STREAMS.items():
                        q = sdef["admitted"][b] if admitted else sdef["not_admitted"][b]
                        rest -= q
                        for h in range(24):
                            site = first
                            if roles is not None:
                                prov = provides(roles, stream, h)
                                if first not in prov:
                                    site = min(prov, key=lambda s: TRAVEL[loc["name"]][SITES.index(s)])
                            att[site] += n * q * hw[h]
                            if admitted:
                                bed_days[site] += n * q * hw[h] * (1 - SDEC) * bedded_los
                    att[first] += n * rest
                    if admitted:
                        bed_days[first] += n * rest * (1 - SDEC) * bedded_los
            direct = people * DIRECT[b] / 1000
            rest = 1.0
            for stream, sdef in STREAMS.items():
                q = sdef["admitted"][b]
                rest -= q
                for h in range(24):
                    site = main
                    if roles is not None:
                        prov = provides(roles, stream, h)
                        if main not in prov:
                            site = min(prov, key=lambda s: TRAVEL[loc["name"]][SITES.index(s)])
                    bed_days[site] += direct * q * hw[h] * bedded_los
            bed_days[main] += direct * rest * bedded_los
    return att, bed_days


def see_bed_days():
    # The SEE baseline's Southend: every SEE person at one site, same rates (its 540 beds carry this workload).
    total = 0.0
    for ccg in ("Castle Point & Rochford", "Southend"):
        c = CCGS[ccg]
        for b in range(len(BANDS)):
            people = c["people"] * c["shares"][b]
            total += people * (SIZING_AE_RATE[b] / 1000 * ADMIT[b] * (1 - SDEC) + DIRECT[b] / 1000) * LOS_DAYS[b] * (1 + READMIT[b])
    return total


def beds_for(bed_days, factor=None):
    ref = see_bed_days()
    return {s: round(SEE_BEDS * bed_days[s] / ref * (BED_FACTOR[s] if factor is None else factor)) for s in SITES}


def rota(attendances, base, site):
    ratio = attendances / SEE_ATTENDANCES * CLINICIAN_FACTOR[site]
    return [max(1, math.ceil(c * ratio - 0.3)) for c in base]


def fmt_list(values):
    return "[" + ", ".join(str(v) for v in values) + "]"


def site_block(site, att, beds, comment):
    return (f"  - name: {site}\n"
            f"    ae:\n"
            f"      clinicians:  # assumed: the SEE baseline's Southend rota x {att / SEE_ATTENDANCES:.3f} (expected attendances {att:,.0f} / 108,400) x {CLINICIAN_FACTOR[site]} (see above)\n"
            f"        weekday: {fmt_list(rota(att, SEE_WEEKDAY, site))}\n"
            f"        weekend: {fmt_list(rota(att, SEE_WEEKEND, site))}\n"
            f"      treatment: \"lognormal(mean=48min, sd=60min)\"  # assumed: as the SEE baseline (calibrated there to the 90 % trajectory)\n"
            f"      triage: \"exponential(mean=15min)\"  # assumed: national median time to initial assessment\n"
            f"    beds: {{general: {beds}, escalation: 0}}  # {comment}\n")


def baseline():
    locs = localities()
    att, bed_days = workload()
    beds = beds_for(bed_days)
    ref = see_bed_days()
    people = sum(sum(l["people"]) for l in locs)
    out = []
    w = out.append
    w("# Mid & South Essex 2016/17: five CCGs, 26 localities, three acute sites (Basildon = BTUHFT, Broomfield = MEHT,\n"
      "# Southend = SUHFT), the baseline for the STP's acute reconfiguration options (seeds/003). Generated by\n"
      "# scenarios/generators/build_mse_scenario.py (the arithmetic is there); options in scenarios/options/ extend this file.\n"
      "# Line refs are to the planning documents, cited as seeds/<file> L<line>; \"assumed\" = not in the documents (national reference or reasoning).\n")
    w("pfsim: 1\nname: Mid & South Essex 2016/17 baseline\n")
    w("# Warm-up 730 d, as the South East Essex baseline (README \"Warm-up\"): care homes (mean stay 2.7 yr) need ~2 years.\n")
    w("run: {start_date: 2016-04-01, days: 365, warmup_days: 730, replications: 20, seed: 20160401}  # assumed: FY 2016/17 (the STP's base year, seeds/003 L433)\n\n")
    w("population:\n  age_bands: [\"0-17\", \"18-64\", \"65-74\", \"75-84\", \"85+\"]\n")
    w(f"  # 26 localities of 5 CCGs (seeds/003 L1293-L1345); {people:,} people ~ \"~1.2 million\" (seeds/003 L74).\n"
      "  # CCG populations: Mid Essex 25.5 % and B&B 18.2 % of Essex CC (seeds/001 L1829, L1822), Essex sized from CP&R\n"
      "  # (179,660 = seeds/002 L1844 + L1864, 95.2 % in Essex = 11.5 % of Essex, seeds/001 L1824); Southend 175,800\n"
      "  # (seeds/000 L48); Thurrock 168,000 assumed. Each CCG split equally over its localities (assumed); age shares and\n"
      "  # growth assumed (CP&R and Southend as scenarios/south-east-essex-2019.yaml).\n")
    w("  localities:\n")
    for l in locs:
        w(f"    - {{name: \"{l['name']}\", area: \"{l['ccg']}\", people: {fmt_list(l['people'])}, growth: {fmt_list(l['growth'])}}}"
          f"  # seeds/003 L{l['line']}; {l['source']} / {l['n']}; bands and growth assumed\n")
    w("\nsites:\n")
    w("  # Beds: acute beds used by emergency flow, sized to each site's expected emergency bed-days in proportion to the\n"
      f"  # SEE baseline's Southend (540 beds for {ref:,.0f} bed-days/yr of the same rates, scenarios/south-east-essex-2019.yaml),\n"
      "  # then trimmed per site, with the A&E rota, so 4-hour performance sits near 2016/17 YTD: BTUHFT 82.6 %, MEHT 78.6 %,\n"
      "  # SUHFT 87.0 % (seeds/003 L435-L439) at 90-95 % occupancy. All assumed: the documents give no bed or rota figures.\n")
    for s in SITES:
        w(site_block(s, att[s], beds[s], f"assumed: {bed_days[s]:,.0f} expected bed-days x {SEE_BEDS} / {ref:,.0f} x {BED_FACTOR[s]} (see above)"))
    w("\nae:\n")
    w("  attendances_per_1000_per_year: [310, 265, 285, 425, 480]  # assumed: as the SEE baseline (national shape scaled to seeds/001 L3266; 85+ without care-home residents)\n")
    w("  arrival_profile:\n"
      f"    hour: {fmt_list(HOUR)}  # assumed: typical English type-1 A&E hourly shape (% of day)\n"
      "    weekday: [1.12, 1.02, 1.00, 0.99, 0.99, 0.94, 0.96]  # assumed: national pattern, Monday peak\n"
      "    month: [0.97, 0.96, 0.99, 1.00, 1.03, 1.03, 1.04, 1.02, 1.00, 0.99, 0.98, 0.99]  # assumed: national pattern\n")
    w(f"  # Logit on road minutes (routing.travel_minutes below): share ~ exp(-(minutes - {LOYALTY:g} x [CCG's main trust]) / {CHOICE_SCALE:g});\n"
      "  # gives Castle Point & Rochford 84 % at Southend vs 83 % of its admissions in 2010/11 (seeds/002 L118). Assumed rule.\n")
    w("  site_choice:\n")
    for l in locs:
        sh = choice(l)
        w(f"    \"{l['name']}\": {{{', '.join(f'{s}: {v}' for s, v in zip(SITES, sh))}}}\n")
    w("  outcomes:\n"
      "    admit: [0.09, 0.18, 0.36, 0.45, 0.54]  # assumed: national conversion x 0.9 (readmissions enter directly), as the SEE baseline\n"
      "    sdec: 0.25  # assumed: SEE baseline (seeds/001 L5032 trajectory); the STP's same-day units are in every role (seeds/003 L2226)\n\n")
    w("admission:\n"
      "  direct_per_1000_per_year: [5, 5, 12, 22, 35]  # assumed: as the SEE baseline; NEA ~ 91.3 per 1,000 incl. SDEC (seeds/003 L457)\n"
      "  los:  # assumed: national reference, as the SEE baseline\n"
      "    \"0-17\": \"lognormal(mean=1.7d, sd=3d)\"\n    \"18-64\": \"lognormal(mean=101h, sd=156h)\"\n"
      "    \"65-74\": \"lognormal(mean=6.7d, sd=10d)\"\n    \"75-84\": \"lognormal(mean=8.7d, sd=13d)\"\n    \"85+\": \"lognormal(mean=10.7d, sd=16d)\"\n"
      "  died_in_hospital: [0.0005, 0.006, 0.03, 0.055, 0.10]  # assumed: national reference (~3.5 % of bedded stays), as the SEE baseline\n\n")
    # Out-of-hospital care is mostly for older people, so it scales with the 65+ population, not the whole.
    older = round(sum(sum(l["people"][2:]) for l in locs))
    scale = older / 79583
    w(f"# Out of hospital: the SEE baseline's capacities x {scale:.3f} (people 65+ {older:,} / 79,583; assumed: same capacity per older person).\n")
    w("discharge:\n"
      "  pathway_share:  # assumed: national D2A split shifted by age, as the SEE baseline\n"
      "    \"18-64\": {P0: 0.845, P1: 0.145, P2: 0.008, P3: 0.002}\n"
      "    \"65-74\": {P0: 0.519, P1: 0.45, P2: 0.025, P3: 0.006}\n"
      "    \"75-84\": {P0: 0.338, P1: 0.60, P2: 0.05, P3: 0.012}\n"
      "    \"85+\": {P0: 0.225, P1: 0.67, P2: 0.08, P3: 0.025}\n"
      "  assessment_delay:\n"
      "    P1: \"gamma(mean=12h, sd=24h)\"  # assumed: as the SEE baseline\n"
      "    P2: \"gamma(mean=2d, sd=2d)\"  # assumed: as the SEE baseline\n"
      "    P3: \"gamma(mean=8d, sd=6d)\"  # assumed: as the SEE baseline\n"
      "  timing:  # assumed: as the SEE baseline (national reference: ~18 % before noon, weekends about half a weekday)\n"
      "    hour: [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.8, 2.0, 3.6, 5.2, 4.4, 5.6, 7.0, 8.0, 8.2, 7.6, 6.2, 4.6, 3.2, 2.2, 1.4, 0.6]\n"
      "    weekday: [1, 1, 1, 1, 1, 0.65, 0.55]\n"
      "  attribution:  # assumed: as the SEE baseline (by the delay's reason, DESIGN §5.2)\n"
      "    assessment: {P1: {nhs: 0.6, social_care: 0.3, both: 0.1}, P2: nhs, P3: {nhs: 0.3, social_care: 0.4, both: 0.3}}\n"
      "    reablement: social_care\n"
      "    intermediate_care: nhs\n"
      "    care_home: {social_care: 0.8, both: 0.2}\n")
    w(f"reablement:  # Southend 24-hour reablement and assessment service (seeds/003 L1994); capacity assumed\n"
      f"  capacity: {round(380 * scale)}  # assumed: 380 x {scale:.3f}\n"
      "  duration: \"gamma(mean=14d, sd=10d)\"  # assumed: as the SEE baseline (5-7 day D2A reablement, seeds/000 L2101)\n"
      "  hazards_91d:  # assumed: SEE baseline by age (65+ 61 % at home, seeds/001 L1530)\n"
      "    \"18-64\": {readmit: 0.15, care_home: 0.005, death: 0.04}\n"
      "    \"65-74\": {readmit: 0.18, care_home: 0.01, death: 0.10}\n"
      "    \"75-84\": {readmit: 0.20, care_home: 0.02, death: 0.15}\n"
      "    \"85+\": {readmit: 0.22, care_home: 0.03, death: 0.22}\n")
    w(f"intermediate_care:\n  capacity: {round(35 * scale)}  # assumed: 35 x {scale:.3f} (SEE: seeds/002 L1616, L1157)\n"
      "  duration: \"gamma(mean=14d, sd=8d)\"  # assumed: as the SEE baseline\n"
      "  hazards_91d:  # assumed: as the SEE baseline\n"
      "    \"18-64\": {readmit: 0.12, care_home: 0.02, death: 0.04}\n"
      "    \"65-74\": {readmit: 0.14, care_home: 0.05, death: 0.08}\n"
      "    \"75-84\": {readmit: 0.15, care_home: 0.08, death: 0.13}\n"
      "    \"85+\": {readmit: 0.16, care_home: 0.12, death: 0.19}\n")
    w(f"care_homes:\n  beds: {round(1420 * scale)}  # assumed: 1,420 x {scale:.3f}\n  initial_residents: {round(1330 * scale)}  # assumed: 1,330 x {scale:.3f}\n"
      "  community_admissions_per_1000_65plus: 2.3  # assumed: as the SEE baseline\n"
      "  stay: \"weibull(shape=0.8, scale=870d)\"  # assumed: national median stay ~1.5 yr\n"
      "  residents_ae: {attendances_per_year: 1.2, admit: 0.6}  # assumed: as the SEE baseline (national reference)\n")
    w(f"readmission:\n  within_30d: {fmt_list(READMIT)}  # assumed: national reference, as the SEE baseline\n\n")
    w("# Reconfiguration (README \"Reconfiguration options\"). In 2016/17 every site provides every stream, so nobody is\n"
      "# routed; an option lists fewer providing sites (seeds/003 L2222-L2270: which role takes which service).\n")
    w("routing:\n  travel_minutes:  # assumed: typical off-peak road minutes from the locality's main town (no travel times in the documents)\n")
    for l in locs:
        w(f"    \"{l['name']}\": {{{', '.join(f'{s}: {m}' for s, m in zip(SITES, TRAVEL[l['name']]))}}}\n")
    w("  streams:\n")
    notes = {
        "stroke": "hyper-acute stroke (seeds/003 L2229): ~1.5 % of emergency admissions, rising with age (assumed, national);\n"
                  "    # 80 % conveyed straight to a stroke unit by ambulance pre-alert, the rest transferred (assumed)",
        "ambulance_majors": "undifferentiated blue-light ambulance patients: only a 24/7 A&E accepting all ambulances takes them\n"
                            "    # at night, a selective A&E only in the daytime (seeds/003 L2222-L2245); ~30 % of attendances (assumed, national)",
        "emergency_surgery": "emergency inpatient surgery incl. overnight (seeds/003 L2232) vs daytime only (seeds/003 L2255);\n"
                             "    # ~10 % of admissions (assumed), half via a surgical assessment unit directly (assumed)",
    }
    for name, sdef in STREAMS.items():
        w(f"    # {notes[name]}\n")
        w(f"    {name}:\n      share_of_admitted: {fmt_list(sdef['admitted'])}  # assumed: see above\n")
        if any(sdef["not_admitted"]):
            w(f"      share_of_not_admitted: {fmt_list(sdef['not_admitted'])}  # assumed: see above\n")
        w(f"      sites: [{', '.join(SITES)}]  # 2016/17: all three sites (seeds/003 L433-L439 report A&E at each)\n"
          f"      direct_share: {sdef['direct_share']}  # assumed: see above\n"
          f"      transfer: \"{sdef['transfer']}\"  # assumed: assessment at the first site plus an inter-hospital ambulance\n")
    w(planned_care_base())
    (ROOT / "scenarios/mid-south-essex-2016.yaml").write_text("".join(out))
    return att, bed_days, beds


def elective_demand(shares_of):
    """Expected RTT referrals, treated cases (day case + inpatient), inpatients, case minutes and elective bed-days a
    year per site when locality `loc` sends its electives by `shares_of(loc)` (shares over SITES). People at the start
    of the run (the referrals grow with the population, ~0.5 %/yr, as the emergency sizing above ignores too)."""
    keys = ("referrals", "cases", "inpatients", "minutes", "bed_days")
    d = {s: dict.fromkeys(keys, 0.0) for s in SITES}
    for loc in localities():
        for site, share in zip(SITES, shares_of(loc)):
            for _, rates, admitted, _, _, _, day_case, minutes, los in SPECIALTIES:
                refs = share * sum(p * r / 1000 for p, r in zip(loc["people"], rates))
                cases = refs * admitted
                d[site]["referrals"] += refs
                d[site]["cases"] += cases
                d[site]["inpatients"] += cases * (1 - day_case)
                d[site]["minutes"] += cases * minutes[0]
                d[site]["bed_days"] += cases * (1 - day_case) * los[0]
    return d


def lognormal_survival(x, mean, sd):
    if x <= 0:
        return 1.0
    sig2 = math.log(1 + (sd / mean) ** 2)
    return 0.5 * math.erfc((math.log(x) - math.log(mean) + sig2 / 2) / math.sqrt(2 * sig2))


def peak_ratio():
    """Peak / mean of elective inpatients in a bed over the week in steady state: equal admissions Monday-Friday at
    ~08:00 (lists start 07:00), each specialty's share of inpatients and its lognormal stay; hourly grid."""
    weights = [(sum(rates) * admitted * (1 - day_case), los) for _, rates, admitted, _, _, _, day_case, _, los in SPECIALTIES]
    total = sum(x for x, _ in weights)
    occupied = []
    for hour in range(7 * 24):
        t = hour / 24
        occupied.append(sum(x / total * lognormal_survival(t - day - 8 / 24 + 7 * week, *los)
                            for day in range(5) for week in range(60) for x, los in weights if t - day - 8 / 24 + 7 * week >= 0))
    return max(occupied) / (sum(occupied) / len(occupied))


PEAK = None


def sessions_for(minutes):
    return math.ceil(minutes / WEEKDAYS / SESSION_MINUTES / THEATRE_UTILISATION)


def ward_for(bed_days, factor=None):
    global PEAK
    PEAK = PEAK or peak_ratio()
    return math.ceil(bed_days / 365 * PEAK * (WARD_FACTOR if factor is None else factor))


def base_electives():
    demand = elective_demand(choice)
    return demand, {s: sessions_for(demand[s]["minutes"]) for s in SITES}, {s: ward_for(demand[s]["bed_days"]) for s in SITES}


def dist(kind, mean, sd, unit, factor=1.0):
    return f"\"{kind}(mean={mean * factor:g}{unit}, sd={sd * factor:g}{unit})\""


def planned_care_base():
    demand, sessions, ward = base_electives()
    total = {k: sum(demand[s][k] for s in SITES) for k in demand[SITES[0]]}
    people = sum(sum(l["people"]) for l in localities())
    nea = sum(sum(p * (a * ADMIT[b] + DIRECT[b]) / 1000 for b, (p, a) in enumerate(zip(l["people"], SIZING_AE_RATE)))
              for l in localities())
    out = []
    w = out.append
    w("\n# Planned care (DESIGN §3 \"Planned care\"): referral-to-treatment (RTT) pathways, each site's theatres and elective ward.\n"
      "# The STP separates elective and non-elective care and wants fewer cancelled elective operations (seeds/003 L127-L129,\n"
      "# L281); the 2016/17 sites each run their own theatres next to their emergency work (the options consolidate them).\n"
      f"# Volume: the SEE baseline's planned-care referral rates by band and specialty (scenarios/south-east-essex-2019.yaml,\n"
      f"# national mixes, assumed there) x these {people:,} people = {total['referrals']:,.0f} RTT clock starts a year ({total['referrals'] / people * 1000:.0f} per 1,000);\n"
      f"# x the admitted shares = {total['cases']:,.0f} treated admissions ({total['cases'] - total['inpatients']:,.0f} day cases, {total['inpatients']:,.0f} ordinary), against\n"
      f"# ~{nea:,.0f} emergency admissions (A&E conversion + direct, SDEC included, before\n"
      f"# readmissions; sizing rates above): {100 * total['cases'] / (total['cases'] + nea):.0f} % elective, as "
      "Castle Point & Rochford's 49 % in 2010/11\n"
      "# (27,064 of 55,305, seeds/002 L113-L125). The STP's ~13k fewer elective admissions = -6 % by 2020/21 (seeds/003 L293)\n"
      f"# imply ~217k a year (13k / 0.06) for all elective and day-case admissions; the modelled RTT clock stops are\n"
      f"# {100 * total['cases'] / 216667:.0f} % of that, the rest being planned (non-RTT) admissions such as surveillance, chemotherapy and regular\n"
      "# day attenders, which pfsim does not model (assumed split; the documents give no RTT volume). That demand\n"
      "# management (outpatients -16 %, electives -6 %) is the STP's 2020/21 plan, not part of the reconfiguration options\n"
      "# (they change where electives are done, not how many).\n"
      "planned_care:\n  specialties:\n"
      f"    # assumed (every value): the SEE baseline's; the non-admitted wait and the decision to list x {WAIT_FACTOR:g} (see\n"
      "    # the generator: 2016/17 missed the 18-week standard, seeds/000 L1454-L1468); case minutes are knife-to-skin plus turnaround.\n")
    for name, rates, admitted, non_adm, to_list, prio, day_case, minutes, los in SPECIALTIES:
        w(f"    - name: {name}\n"
          f"      referrals_per_1000_per_year: {fmt_list(rates)}\n"
          f"      admitted_share: {admitted:.2f}\n"
          f"      non_admitted_wait: {dist('lognormal', *non_adm, 'd', WAIT_FACTOR)}  # SEE {non_adm[0]}d/{non_adm[1]}d x {WAIT_FACTOR:g}\n"
          f"      decision_to_list: {dist('lognormal', *to_list, 'd', WAIT_FACTOR)}  # SEE {to_list[0]}d/{to_list[1]}d x {WAIT_FACTOR:g}\n"
          f"      priority: {{{', '.join(f'P{i + 1}: {q:.2f}' for i, q in enumerate(prio))}}}\n"
          f"      day_case_share: {day_case:.2f}\n"
          f"      case_minutes: {dist('lognormal', *minutes, 'min')}\n"
          f"      los: {dist('lognormal', *los, 'd')}\n")
    w("  # Each locality's electives go where its A&E patients go (no site_choice: the default, ae.site_choice over the\n"
      "  # sites with theatres; all three have them in 2016/17). assumed: the independent sector and other trusts are left out\n"
      "  # (CP&R 2010/11: 5 % of its electives at Spire, 9 % at Barts and others, seeds/002 L113-L125).\n"
      f"  # Theatres: sessions = expected case minutes / {WEEKDAYS:.1f} weekdays / {SESSION_MINUTES} min / {THEATRE_UTILISATION:g} utilisation, rounded up (assumed,\n"
      f"  # as the SEE scenario's ~85 %). Elective ward: {WARD_FACTOR:g} x the Friday-morning peak of elective inpatients in a bed, {PEAK:.3f} x\n"
      "  # the mean (bed-days / 365; lists on weekdays only, the generator's peak_ratio), rounded up (assumed, tuned to ~1 %\n"
      "  # cancelled on the day); when it is full an inpatient takes a free general bed, and\n"
      "  # with none free the operation is cancelled on the day. The documents give no theatre or elective-bed figures.\n"
      "  sites:\n")
    for s in SITES:
        d = demand[s]
        w(f"    {s}:  # {d['referrals']:,.0f} referrals, {d['cases']:,.0f} cases ({d['inpatients']:,.0f} inpatients), {d['minutes']:,.0f} case minutes, {d['bed_days']:,.0f} bed-days a year\n"
          f"      sessions: {fmt_list([sessions[s]] * 5 + [0, 0])}  # {d['minutes']:,.0f} / {WEEKDAYS:.1f} / {SESSION_MINUTES} / {THEATRE_UTILISATION:g} = {d['minutes'] / WEEKDAYS / SESSION_MINUTES / THEATRE_UTILISATION:.1f}\n"
          f"      session_minutes: {SESSION_MINUTES}\n"
          f"      ring_fenced_beds: {ward[s]}  # {d['bed_days']:,.0f} / 365 = {d['bed_days'] / 365:.1f} x {PEAK:.3f} x {WARD_FACTOR:g}\n"
          "      overflow_to_general_beds: true\n")
    w("  # assumed: the national clinical prioritisation (P1 within 72 h, P2 1 month, P3 3 months, P4 beyond), as the SEE scenario.\n"
      "  target_days: {P1: 3, P2: 28, P3: 90, P4: 365}\n")
    return "".join(out)


def planned_care_option(roles):
    """The option's elective sites: the specialist site does "elective surgery by exception only" (seeds/003 L2351),
    so its theatres, elective ward and patients move; to the elective centre with A&E where the option has one, else
    to the other two sites (emergency hospitals with elective) as the default site choice would send them."""
    demand, sessions, ward = base_electives()
    specialist = next(s for s in SITES if roles[s] == "specialist")
    centre = next((s for s in SITES if roles[s] == "elective"), None)

    def shares_of(loc):
        base = dict(zip(SITES, choice(loc)))
        moved = base.pop(specialist)
        if centre is not None:
            base[centre] += moved
        else:
            rest = sum(base.values())
            base = {s: v + moved * v / rest for s, v in base.items()}
        return [round(base.get(s, 0.0), 3) for s in SITES]

    new = elective_demand(shares_of)
    receivers = [s for s in SITES if s != specialist]
    gained = {s: new[s]["minutes"] - demand[s]["minutes"] for s in receivers}
    gained_beds = {s: new[s]["bed_days"] - demand[s]["bed_days"] for s in receivers}

    def split(total, weights):
        parts = {s: round(total * weights[s] / sum(weights.values())) for s in receivers}
        top = max(receivers, key=lambda s: weights[s])
        parts[top] += total - sum(parts.values())
        return parts

    more_sessions = split(sessions[specialist], gained)
    more_beds = split(ward[specialist], gained_beds)
    out = []
    w = out.append
    w("# Planned care: seeds/003 L2349-L2367 give a specialist emergency hospital \"elective surgery by exception only\" and an\n"
      "# emergency hospital with elective or an elective centre with A&E day surgery and elective surgery \"consolidated onto\n"
      "# one site on a sub specialty level\"; every non-specialist cell of the option table has an \"MS Essex elective surgical\n"
      "# hospital\" (seeds/003 L2510-L2629), and the STP would \"protect and consolidate planned elective services on to key\n"
      "# sites separate from\" emergency care (seeds/000 L676). Here:\n")
    if centre is not None:
        other = ', '.join(s for s in receivers if s != centre)
        w(f"# {specialist}'s theatre sessions move to the elective centre with A&E, {centre}, which also takes {specialist}'s patients\n"
          f"# (its share of every locality's site_choice); {other}, the emergency hospital with elective, keeps its own theatres,\n"
          f"# ward and patients. Total theatre sessions are unchanged. {centre}'s electives are separated from emergency care: one\n"
          "# ring-fenced ward sized to hold their Friday peak (the generator's CENTRE_Z rule; more beds than the two 2016/17 wards,\n"
          "# see ring_fenced_beds) and no overflow into its general beds, which stay as the emergency workload sets them above.\n")
        if centre != "Southend":
            w("# Note: the flattened option table has two SUHFT cells \"Local emergency centre / MS Essex elective surgical hospital\"\n"
              "# (seeds/003 L2615-L2629), which reads as Southend being the elective centre with A&E in 2B as well as 2A; this file\n"
              f"# keeps the roles assumed above (its emergency side is unchanged), so its elective centre is {centre}.\n")
    else:
        w(f"# {specialist}'s theatre sessions and elective ward move to {' and '.join(receivers)}, with {specialist}'s patients, split as\n"
          f"# the default site choice would send them ({specialist}'s share of each locality goes to the other two in proportion to\n"
          "# their A&E shares); sessions and beds in proportion to the case minutes and bed-days each gains. Totals unchanged\n"
          "# (assumed: the documents give no theatre or bed numbers).\n")
    w(f"# Not expressible: day surgery staying at {specialist} while its inpatient surgery moves (site_choice sends all of a\n"
      "# locality's electives, day cases and inpatients, to the same sites), the sub-specialty split between the elective\n"
      "# sites, and the exceptions (plastics at MEHT, cardiothoracics at BTUHFT, seeds/003 L2353).\n")
    w("planned_care:\n  sites:\n")
    for s in SITES:
        if s == specialist:
            w(f"    {s}: {{sessions: [0, 0, 0, 0, 0, 0, 0], ring_fenced_beds: 0, overflow_to_general_beds: false}}  # specialist: electives by exception only\n")
        else:
            n, b = sessions[s] + more_sessions[s], ward[s] + more_beds[s]
            d = new[s]
            peak = d['bed_days'] / 365 * PEAK
            if s == centre:
                b = math.ceil(peak + CENTRE_Z * math.sqrt(peak))
            w(f"    {s}:  # {d['cases']:,.0f} cases ({d['inpatients']:,.0f} inpatients), {d['minutes']:,.0f} case minutes ({d['minutes'] / WEEKDAYS / SESSION_MINUTES / n:.0%} of the sessions), {d['bed_days']:,.0f} bed-days a year\n"
              f"      sessions: {fmt_list([n] * 5 + [0, 0])}  # {sessions[s]} + {more_sessions[s]} of {specialist}'s {sessions[specialist]}\n"
              f"      session_minutes: {SESSION_MINUTES}\n"
              + (f"      ring_fenced_beds: {b}  # {peak:.1f} + {CENTRE_Z} x sqrt({peak:.1f}): the Friday peak ({d['bed_days'] / 365:.1f} x {PEAK:.3f}) + {CENTRE_Z} sd; 2016/17 wards {ward[s]} + {ward[specialist]} = {ward[s] + ward[specialist]}, so +{b - ward[s] - ward[specialist]}\n"
               "      overflow_to_general_beds: false  # separate from emergency care (seeds/000 L676): no elective in an emergency bed\n"
               if s == centre else
               f"      ring_fenced_beds: {b}  # {ward[s]} + {more_beds[s]} of {specialist}'s {ward[specialist]} (peak {peak:.1f} in a bed, mean {d['bed_days'] / 365:.1f})\n"
               "      overflow_to_general_beds: true\n"))
    w(f"  site_choice:  # 2016/17 A&E shares (ae.site_choice) with {specialist}'s share moved as above\n")
    for loc in localities():
        sh = shares_of(loc)
        top = SITES[sh.index(max(sh))]
        sh[SITES.index(top)] = round(sh[SITES.index(top)] + 1.0 - sum(sh), 3)  # rounding goes to the main site
        w(f"    \"{loc['name']}\": {{{', '.join(f'{s}: {v:g}' for s, v in zip(SITES, sh) if v > 0)}}}\n")
    return "".join(out)


def option_file(key, title, roles, source, base_att, base_beds_total):
    att, bed_days = workload(roles)
    total = sum(bed_days.values())
    # Beds follow the routed workload, the total unchanged (assumed: the STP moves beds with services).
    beds = {s: round(base_beds_total * bed_days[s] / total) for s in SITES}
    out = [f"# {title}.\n# Roles: {source}; which streams each role provides: seeds/003 L2222-L2270.\n"
           "# Generated by scenarios/generators/build_mse_scenario.py. Beds and A&E rotas follow the routed workload (assumed:\n"
           "# the total bed count is unchanged; each site's share is its expected emergency bed-days after routing).\n",
           "pfsim: 1\nextends: ../mid-south-essex-2016.yaml\n", f"name: \"{title}\"\n", "sites:\n"]
    for s in SITES:
        out.append(site_block(s, att[s], beds[s], f"assumed: {bed_days[s]:,.0f} of {total:,.0f} expected bed-days x {base_beds_total} beds"))
    out.append("routing:\n  streams:\n")
    for stream in STREAMS:
        providers = []
        for s in SITES:
            spec = ROLE_STREAMS[roles[s]]
            if stream in spec:
                providers.append(s if spec[stream] is None else f"{{site: {s}, hours: {fmt_list(spec[stream])}}}")
        out.append(f"    {stream}: {{sites: [{', '.join(providers)}]}}  # " +
                   ", ".join(f"{s} {roles[s]}" for s in SITES) + "\n")
    out.append(planned_care_option(roles))
    (ROOT / f"scenarios/options/{key}.yaml").write_text("".join(out))


def do_nothing():
    # Demand growth to 2020/21 with no change: 4 years of A&E +3.4 %/yr and non-elective +2.0 %/yr (2019/20 planning
    # growth, seeds/001 L5901 and the CCG plan; used for every year here, assumed), on top of the population growth.
    ae = [round(r * 1.034 ** 4, 1) for r in AE_RATE]
    direct = [round(r * 1.02 ** 4, 2) for r in DIRECT]
    text = ("# \"Do nothing\" to 2020/21: the 2016/17 system with four years of demand growth and no reconfiguration\n"
            "# (the STP's counterfactual, seeds/003 L78, L258). Generated by scenarios/generators/build_mse_scenario.py.\n"
            "pfsim: 1\nextends: ../mid-south-essex-2016.yaml\nname: \"Do nothing: 2016/17 system with demand growth to 2020/21\"\n"
            "ae:\n"
            f"  attendances_per_1000_per_year: {fmt_list(ae)}  # 2016/17 rates x 1.034^4: A&E growth +3.4 %/yr (seeds/001 L5901), assumed for each year\n"
            "admission:\n"
            f"  direct_per_1000_per_year: {fmt_list(direct)}  # 2016/17 rates x 1.02^4: non-elective growth +2.0 %/yr (CALIBRATION.md, 2019/20 plan), assumed for each year\n")
    (ROOT / "scenarios/options/do-nothing-2020-21.yaml").write_text(text)


def main():
    (ROOT / "scenarios/options").mkdir(exist_ok=True)
    att, bed_days, beds = baseline()
    for key, (title, roles, source) in OPTIONS.items():
        option_file(key, title, roles, source, att, sum(beds.values()))
    do_nothing()
    for s in SITES:
        print(f"{s}: attendances {att[s]:,.0f}, bed-days {bed_days[s]:,.0f}, beds {beds[s]}", file=sys.stderr)


if __name__ == "__main__":
    main()
