using System.Globalization;
using Bogus;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.BulkLoading;
using Fengqiao.Intake.Petitions;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Intake;

/// <summary>A petition to be received in a town or village at a set time and accepted at another (demo cases start from them).</summary>
internal sealed record ScheduledAcceptance(DateTimeOffset ReceivedAt, string RegionPath, DateTimeOffset AcceptedAt);

/// <summary>
/// Realistic petitions for demo data and load tests, reproducible from a seed: towns and villages of every
/// district weighted by population, every channel at its usual hours, category-specific texts, individual,
/// family and collective petitions with valid resident ID numbers, and matters that come back — from the same
/// petitioners or from their neighbours — so the repeat and skip-level flags appear as they do in practice.
/// Petitions come out in the order they were received, over the last 18 months.
/// </summary>
internal sealed class PetitionGenerator
{
    public const int DefaultSeed = 330600;
    private const int MonthsBack = 18;
    private const float RecurrenceShare = 0.10f;
    private const float RecurringMatterShare = 0.12f;

    /// <summary>A matter comes back within this many days, inside the repeat window of every rule set.</summary>
    private const int ReturnWithinDays = 330;
    private const string TrackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly Weighted<Channel> Channels = new(
    [
        (Channel.Visit, 24), (Channel.Letter, 8), (Channel.Phone, 9), (Channel.Online, 20), (Channel.Hotline12345, 16), (Channel.BusinessHotline, 3),
        (Channel.Grassroots, 6), (Channel.LeaderReception, 3), (Channel.DoorToDoorVisit, 3), (Channel.SocialGroup, 2), (Channel.Referral, 5), (Channel.ThirdParty, 1),
    ]);

    /// <summary>Channels a group of petitioners uses; hotlines and the online form carry one caller.</summary>
    private static readonly HashSet<Channel> GroupChannels =
        [Channel.Visit, Channel.Letter, Channel.Phone, Channel.Grassroots, Channel.LeaderReception, Channel.DoorToDoorVisit, Channel.SocialGroup];

    private static readonly Dictionary<string, int> CategoryWeights = new(StringComparer.Ordinal)
    {
        ["urban_rural_construction"] = 16, ["land_resources"] = 10, ["labour_social_security"] = 14, ["agriculture_rural"] = 7, ["health"] = 5,
        ["education"] = 5, ["civil_affairs"] = 6, ["politics_law"] = 9, ["transport"] = 5, ["ecology_environment"] = 7, ["business_environment"] = 4,
        ["property_management"] = 9, ["other"] = 3,
    };

    /// <summary>Resident population in ten thousands (2020 census, rounded); other districts count as an average one.</summary>
    private static readonly Dictionary<string, int> DistrictPopulation = new(StringComparer.Ordinal)
    {
        ["越城区"] = 100, ["柯桥区"] = 110, ["上虞区"] = 80, ["诸暨市"] = 122, ["嵊州市"] = 68, ["新昌县"] = 43,
    };

    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "157", "158", "159", "177", "180", "181", "182", "186", "187", "188", "189", "199"];

    private readonly Weighted<District> _districts;
    private readonly Weighted<string> _categories;
    private readonly BulkRegistrar _cityRegistrar;
    private readonly IntakeBulkLoading _rules;
    private readonly WorkCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly int _seed;
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);

    public PetitionGenerator(
        IReadOnlyList<RegionSnapshot> regions,
        IReadOnlyList<UnitSnapshot> units,
        IReadOnlyList<string> categories,
        IntakeBulkLoading rules,
        WorkCalendar calendar,
        DateTimeOffset now,
        int seed = DefaultSeed)
    {
        _rules = rules;
        _calendar = calendar;
        _now = now;
        _seed = seed;
        var bureaus = units.Where(u => u.Kind == "petition_bureau").GroupBy(u => u.RegionPath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var townGovernments = units.Where(u => u.Kind == "town_government").GroupBy(u => u.RegionPath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byPath = regions.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var city = regions.FirstOrDefault(r => r.Level == "city") ?? throw new InvalidOperationException("Demo petitions need the organisation's regions: seed them first.");
        _cityRegistrar = RegistrarOf(city, bureaus);

        var districts = new List<(District, int)>();
        foreach (var district in regions.Where(r => r.Level == "district"))
        {
            var places = new District(district, RegistrarOf(district, bureaus), [], []);
            foreach (var region in regions.Where(r => Jurisdiction.Contains(district.Path, r.Path) && r.Level is "town" or "village"))
            {
                var town = region.Level == "town" ? region : byPath[region.Path[..(region.Path.LastIndexOf('/', region.Path.Length - 2) + 1)]];
                var place = new Place(region, town, places, RegistrarOf(town, townGovernments));
                (region.Level == "town" ? places.Towns : places.Villages).Add(place);
                _places[region.Path] = place;
            }

            if (places.Towns.Count > 0)
            {
                districts.Add((places, DistrictPopulation.GetValueOrDefault(district.Name, 80)));
            }
        }

        if (districts.Count == 0)
        {
            throw new InvalidOperationException("Demo petitions need districts with towns: seed the organisation first.");
        }

        _districts = new Weighted<District>(districts);
        _categories = new Weighted<string>(categories.Select(c => (c, CategoryWeights.GetValueOrDefault(c, 2))).ToList());
    }

    /// <summary>
    /// <paramref name="count"/> petitions in the order received; <paramref name="scheduled"/> (counted in) are received and accepted
    /// when and where they say, the others follow the usual mix.
    /// </summary>
    public IEnumerable<BulkPetition> Generate(int count, IReadOnlyList<ScheduledAcceptance>? scheduled = null) => new Run(this, count, scheduled ?? []).Petitions();

    /// <summary>A generator over the seeded organisation and the active rules, read in the given scope.</summary>
    public static async Task<PetitionGenerator> CreateAsync(IServiceProvider scoped, DateTimeOffset now, int seed, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        var intake = scoped.GetRequiredService<IntakeBulkLoading>();
        return new PetitionGenerator(
            await directory.ListRegionsAsync(cancellationToken),
            await directory.ListUnitsAsync(cancellationToken),
            await intake.CategoryCodesAsync(cancellationToken),
            intake,
            scoped.GetRequiredService<WorkCalendar>(),
            now,
            seed);
    }

    private static BulkRegistrar RegistrarOf(RegionSnapshot region, Dictionary<string, UnitSnapshot> units) =>
        units.TryGetValue(region.Path, out var unit) ? new BulkRegistrar(unit.Id, unit.Name, region.Path) : new BulkRegistrar(null, null, region.Path);

    private Place PlaceAt(string regionPath) =>
        _places.GetValueOrDefault(regionPath) ?? throw new InvalidOperationException($"No town or village has the path {regionPath}.");

    private sealed record District(RegionSnapshot Region, BulkRegistrar Bureau, List<Place> Towns, List<Place> Villages);

    /// <summary>A town or village, with its town government as the registrar at town level.</summary>
    private sealed record Place(RegionSnapshot Region, RegionSnapshot Town, District District, BulkRegistrar TownRegistrar);

    /// <summary>A matter that may come back: its place, people and words, and the petitions raised on it so far.</summary>
    private sealed class Matter(Place place, PlaceNames names, string category, MatterKind kind, IReadOnlyList<BulkPetitioner> people, int persons, string request, string facts, string coreFacts, string reasons)
    {
        public Place Place { get; } = place;

        public PlaceNames Names { get; } = names;

        public string Category { get; } = category;

        public MatterKind Kind { get; } = kind;

        public IReadOnlyList<BulkPetitioner> People { get; } = people;

        public int Persons { get; } = persons;

        public string Request { get; } = request;

        public string Facts { get; } = facts;

        /// <summary>The facts without the petitioners' opening line, as a neighbour would retell them.</summary>
        public string CoreFacts { get; } = coreFacts;

        public string Reasons { get; } = reasons;

        public List<(int Index, bool ByTheSamePeople)> Petitions { get; } = [];

        public DateTimeOffset First { get; set; }

        public DateTimeOffset Last { get; set; }

        public int ReturnsLeft { get; set; }
    }

    private sealed class Weighted<T>
    {
        private readonly T[] _items;
        private readonly int[] _cumulative;

        public Weighted(IReadOnlyList<(T Item, int Weight)> items)
        {
            _items = items.Select(i => i.Item).ToArray();
            _cumulative = new int[items.Count];
            var sum = 0;
            for (var i = 0; i < items.Count; i++)
            {
                sum += items[i].Weight;
                _cumulative[i] = sum;
            }
        }

        public T Pick(Randomizer random)
        {
            var ticket = random.Int(1, _cumulative[^1]);
            var at = Array.BinarySearch(_cumulative, ticket);
            return _items[at >= 0 ? at : ~at];
        }
    }

    /// <summary>One pass over the plan; the generator itself stays reusable and every pass yields the same petitions.</summary>
    private sealed class Run(PetitionGenerator generator, int count, IReadOnlyList<ScheduledAcceptance> scheduled)
    {
        private readonly Randomizer _random = new(generator._seed);
        private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(generator._seed + 1) };
        private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
        private readonly HashSet<string> _trackingCodes = new(StringComparer.Ordinal);
        private readonly List<Matter> _open = [];
        private int _index;

        public IEnumerable<BulkPetition> Petitions()
        {
            var today = WorkCalendar.LocalDate(generator._now);
            var first = today.AddMonths(-MonthsBack);
            var days = Enumerable.Range(0, today.DayNumber - first.DayNumber).Select(first.AddDays).ToList();
            var scheduledOn = scheduled.ToLookup(s => WorkCalendar.LocalDate(s.ReceivedAt));
            foreach (var (day, perDay) in days.Zip(PerDay(days)))
            {
                _open.RemoveAll(m => m.ReturnsLeft == 0 || day.DayNumber - WorkCalendar.LocalDate(m.First).DayNumber > ReturnWithinDays);
                var arrivals = Enumerable.Range(0, perDay)
                    .Select(_ => Channels.Pick(_random))
                    .Select(channel => (Channel: channel, At: ReceivedAt(day, channel), Scheduled: (ScheduledAcceptance?)null))
                    .Concat(scheduledOn[day].Select(s => (Channel: Channel.Visit, At: s.ReceivedAt, Scheduled: (ScheduledAcceptance?)s)))
                    .OrderBy(a => a.At)
                    .ToList();
                foreach (var (channel, at, accepted) in arrivals)
                {
                    yield return accepted is null ? Next(channel, at) : Fresh(channel, at, generator.PlaceAt(accepted.RegionPath), accepted.AcceptedAt);
                }
            }
        }

        /// <summary>Spreads the petitions not scheduled over the days: working days busier than rest days, the recent months a little busier.</summary>
        private List<int> PerDay(List<DateOnly> days)
        {
            var spread = Math.Max(0, count - scheduled.Count);
            var weights = days.Select((day, i) => (generator._calendar.IsWorkingDay(day) ? 1.0 : 0.35) * (0.85 + (0.3 * i / days.Count))).ToList();
            var total = weights.Sum();
            var counts = new List<int>(days.Count);
            var cumulative = 0.0;
            var assigned = 0;
            foreach (var weight in weights)
            {
                cumulative += weight;
                var upTo = (int)Math.Min(spread, Math.Round(spread * cumulative / total));
                counts.Add(upTo - assigned);
                assigned = upTo;
            }

            counts[^1] += spread - assigned;
            return counts;
        }

        /// <summary>Offices receive in office hours; hotlines in the day and evening; the online form around the clock.</summary>
        private DateTimeOffset ReceivedAt(DateOnly day, Channel channel)
        {
            var minutes = channel switch
            {
                Channel.Online => _random.Int(0, (24 * 60) - 1),
                Channel.Phone or Channel.Hotline12345 or Channel.BusinessHotline => _random.Int(7 * 60, (22 * 60) - 1),
                _ => _random.Int((8 * 60) + 30, (17 * 60) + 30),
            };
            var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes).AddSeconds(_random.Int(0, 59));
            return new DateTimeOffset(local, WorkCalendar.ChinaStandardTime.GetUtcOffset(local)).ToUniversalTime();
        }

        private BulkPetition Next(Channel channel, DateTimeOffset receivedAt) =>
            (_open.Count > 0 && _random.Bool(RecurrenceShare) ? Returning(channel, receivedAt) : null) ?? Fresh(channel, receivedAt);

        /// <summary>A new matter, at <paramref name="at"/> and accepted at <paramref name="acceptedAt"/> when given.</summary>
        private BulkPetition Fresh(Channel channel, DateTimeOffset receivedAt, Place? at = null, DateTimeOffset? acceptedAt = null)
        {
            var category = channel == Channel.BusinessHotline ? IntakeBulkLoading.BusinessCategory : generator._categories.Pick(_random);
            var place = at ?? PlaceFor(category);
            var names = NamesOf(place);
            var persons = PersonsFor(channel);
            var people = PeopleFor(channel, place, persons, receivedAt);
            var phrases = PetitionPhrases.For(category);
            var scenario = _random.ArrayElement(phrases.Scenarios);
            var text = new PetitionText(_random, _faker, names, WorkCalendar.LocalDate(receivedAt), persons, phrases.Group, people[0]);

            var request = text.Fill(_random.ArrayElement(scenario.Requests));
            var core = text.Fill(_random.ArrayElement(scenario.Backgrounds)) + Problems(scenario, text)
                + (_random.Bool(0.85f) ? text.Fill(_random.ArrayElement(PetitionPhrases.Attempts)) : string.Empty)
                + (_random.Bool(0.45f) ? text.Fill(_random.ArrayElement(PetitionPhrases.Impacts)) : string.Empty);
            var opening = persons >= generator._rules.CollectiveThreshold ? PetitionPhrases.CollectiveOpenings
                : persons > 1 ? PetitionPhrases.FamilyOpenings
                : PetitionPhrases.PersonalOpenings;
            var facts = (_random.Bool(0.8f) ? text.Fill(_random.ArrayElement(opening)) : string.Empty) + core;
            var reasons = (_random.Bool(0.75f) ? text.Fill(_random.ArrayElement(phrases.Reasons)) : string.Empty)
                + text.Fill(_random.ArrayElement(PetitionPhrases.CommonReasons));

            Matter? matter = null;
            if (_random.Bool(RecurringMatterShare))
            {
                matter = new Matter(place, names, category, scenario.Kind, people, persons, request, facts, core, reasons)
                {
                    First = receivedAt,
                    ReturnsLeft = _random.Int(1, 4),
                };
                _open.Add(matter);
            }

            var registrar = RegistrarFor(channel, place, escalated: channel == Channel.LeaderReception);
            return Emit(channel, receivedAt, place, names, category, scenario.Kind, people, persons, request, facts, reasons, registrar, [], matter, returning: false, acceptedAt);
        }

        /// <summary>A matter raised before comes back: the same people again (often one level up), or a neighbour on the same matter.</summary>
        private BulkPetition? Returning(Channel channel, DateTimeOffset receivedAt)
        {
            var matter = _open[_random.Int(0, _open.Count - 1)];
            if (matter.ReturnsLeft == 0 || (receivedAt - matter.Last).TotalDays < 3)
            {
                return null;
            }

            matter.ReturnsLeft--;
            var samePeople = _random.Bool(0.65f) && (channel != Channel.Online || (matter.Persons == 1 && matter.People[0].Phone is not null));
            var phrases = PetitionPhrases.For(matter.Category);
            var day = WorkCalendar.LocalDate(receivedAt);
            if (samePeople)
            {
                // The registrar finds these by ID hash; similar text it finds by itself, and so does the loader.
                var samePetitioner = matter.People.Any(p => p.IdNumber is not null)
                    ? matter.Petitions.Where(p => p.ByTheSamePeople).Select(p => p.Index).ToList()
                    : [];
                var followUp = new PetitionText(_random, _faker, matter.Names, day, matter.Persons, phrases.Group, matter.People[0]) { MentionedDay = WorkCalendar.LocalDate(matter.Last) };
                var reasons = _random.Bool(0.7f) ? matter.Reasons : matter.Reasons + followUp.Fill(_random.ArrayElement(PetitionPhrases.CommonReasons));
                return Emit(channel, receivedAt, matter.Place, matter.Names, matter.Category, matter.Kind, matter.People, matter.Persons, matter.Request,
                    matter.Facts + followUp.Fill(_random.ArrayElement(PetitionPhrases.FollowUps)), reasons,
                    RegistrarFor(channel, matter.Place, escalated: true), samePetitioner, matter, returning: true);
            }

            var neighbour = PeopleFor(channel, matter.Place, 1, receivedAt);
            var text = new PetitionText(_random, _faker, matter.Names, day, 1, phrases.Group, neighbour[0]);
            var facts = (_random.Bool(0.8f) ? text.Fill(_random.ArrayElement(PetitionPhrases.PersonalOpenings)) : string.Empty)
                + text.Fill(_random.ArrayElement(PetitionPhrases.OtherVoices)) + matter.CoreFacts;
            return Emit(channel, receivedAt, matter.Place, matter.Names, matter.Category, matter.Kind, neighbour, 1, matter.Request, facts,
                text.Fill(_random.ArrayElement(PetitionPhrases.CommonReasons)), RegistrarFor(channel, matter.Place, escalated: false), [], matter, returning: false);
        }

        private BulkPetition Emit(
            Channel channel,
            DateTimeOffset receivedAt,
            Place place,
            PlaceNames names,
            string category,
            MatterKind kind,
            IReadOnlyList<BulkPetitioner> people,
            int persons,
            string request,
            string facts,
            string reasons,
            BulkRegistrar registrar,
            IReadOnlyList<int> samePetitionerEarlier,
            Matter? matter,
            bool returning,
            DateTimeOffset? acceptedAt = null)
        {
            var index = _index++;
            if (matter is not null)
            {
                matter.Petitions.Add((index, ReferenceEquals(people, matter.People)));
                matter.Last = receivedAt;
            }

            var registeredAt = RegisteredAt(channel, receivedAt);
            var collective = persons >= generator._rules.CollectiveThreshold;
            var (trackingCode, trackingSecret) = channel == Channel.Online ? Tracking() : (null, null);
            var channelReference = ChannelReference(channel, receivedAt);
            var urgent = _random.Bool(collective ? 0.2f : 0.03f);
            var crossBoundary = _random.Bool(0.03f);
            var decision = Decide(category, kind, returning, place, names, registrar, receivedAt, registeredAt, acceptedAt);
            return new BulkPetition(index, channel, people, persons, request, facts, reasons, category, place.Region, receivedAt, channelReference, urgent, crossBoundary,
                registrar, registeredAt, trackingCode, trackingSecret, samePetitionerEarlier, decision);
        }

        private Place PlaceFor(string category)
        {
            var district = generator._districts.Pick(_random);
            var villageShare = category switch
            {
                "agriculture_rural" or "land_resources" => 0.85f,
                "property_management" or "business_environment" => 0.2f,
                _ => 0.55f,
            };
            var places = district.Villages.Count > 0 && _random.Bool(villageShare) ? district.Villages : district.Towns;
            return places[_random.Int(0, places.Count - 1)];
        }

        private PlaceNames NamesOf(Place place) =>
            new(place.Region.Level == "village" ? place.Region.Name : place.Town.Name + _random.ArrayElement(PetitionPhrases.Roads), place.Town.Name, place.District.Region.Name);

        private int PersonsFor(Channel channel)
        {
            if (!GroupChannels.Contains(channel))
            {
                return 1;
            }

            var threshold = generator._rules.CollectiveThreshold;
            var roll = _random.Double();
            return roll switch
            {
                < 0.78 => 1,
                < 0.86 when threshold > 2 => _random.Int(2, threshold - 1),
                < 0.86 => 1,
                _ => _random.Int(threshold, Math.Max(threshold, 30)),
            };
        }

        /// <summary>Everyone for an individual or a family; for a group, the representatives it sent.</summary>
        private List<BulkPetitioner> PeopleFor(Channel channel, Place place, int persons, DateTimeOffset receivedAt)
        {
            var collective = persons >= generator._rules.CollectiveThreshold;
            var listed = collective ? _random.Int(1, Math.Min(5, generator._rules.MaxRepresentatives(persons))) : persons;
            var people = new List<BulkPetitioner>(listed);
            for (var i = 0; i < listed; i++)
            {
                people.Add(Person(channel, place, receivedAt, collective));
            }

            return people;
        }

        private BulkPetitioner Person(Channel channel, Place place, DateTimeOffset receivedAt, bool representative)
        {
            var withoutId = channel switch
            {
                Channel.Phone or Channel.Hotline12345 or Channel.Online => 0.3f,
                Channel.BusinessHotline => 0.2f,
                Channel.Letter => 0.1f,
                _ => 0.02f,
            };
            var idNumber = _random.Bool(withoutId) ? null : IdNumber(place, WorkCalendar.LocalDate(receivedAt));
            var phone = channel != Channel.Online && _random.Bool(0.06f) ? null : Phone();
            var address = _random.Bool(0.9f) ? Address(place) : null;
            return new BulkPetitioner(_faker.Name.LastName() + _faker.Name.FirstName(), idNumber, phone, address, representative);
        }

        /// <summary>A GB 11643 number, unique in this run: mostly born in the petition's district, some from the provinces migrant workers come from.</summary>
        private string IdNumber(Place place, DateOnly today)
        {
            var districtCode = place.District.Region.Code.Length == 6 ? place.District.Region.Code : "330600";
            while (true)
            {
                var code = _random.Bool(0.12f) ? _random.ArrayElement(PetitionPhrases.OutsideRegionCodes) : districtCode;
                var birth = today.AddYears(-_random.Int(18, 85)).AddDays(-_random.Int(0, 364));
                var first17 = string.Create(CultureInfo.InvariantCulture, $"{code}{birth:yyyyMMdd}{_random.Int(0, 999):000}");
                var idNumber = first17 + IntakeBulkLoading.IdNumberCheckCharacter(first17);
                if (_idNumbers.Add(idNumber))
                {
                    return idNumber;
                }
            }
        }

        private string Phone() =>
            _random.Bool(0.07f)
                ? "0575-8" + _random.ReplaceNumbers("#######")
                : _random.ArrayElement(MobilePrefixes) + _random.ReplaceNumbers("########");

        private string Address(Place place) =>
            place.Region.Level == "village"
                ? string.Create(CultureInfo.InvariantCulture, $"绍兴市{place.District.Region.Name}{place.Town.Name}{place.Region.Name}{_random.Int(1, 299)}号")
                : _random.Bool()
                    ? string.Create(CultureInfo.InvariantCulture, $"绍兴市{place.District.Region.Name}{_random.ArrayElement(PetitionPhrases.Roads)}{_random.Int(1, 899)}号")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"绍兴市{place.District.Region.Name}{_random.ArrayElement(PetitionPhrases.ComplexPrefixes)}{_random.ArrayElement(PetitionPhrases.ComplexSuffixes)}{_random.Int(1, 30)}幢{_random.Int(1, 3)}单元{_random.Int(1, 18)}0{_random.Int(1, 4)}室");

        private string Problems(Scenario scenario, PetitionText text)
        {
            var first = _random.Int(0, scenario.Problems.Length - 1);
            var sentence = text.Fill(scenario.Problems[first]);
            if (scenario.Problems.Length > 1 && _random.Bool(0.5f))
            {
                sentence += text.Fill(scenario.Problems[(first + _random.Int(1, scenario.Problems.Length - 1)) % scenario.Problems.Length]);
            }

            return sentence;
        }

        /// <summary>Online petitions file themselves; most others are registered by the town, some by the district or the city.</summary>
        private BulkRegistrar RegistrarFor(Channel channel, Place place, bool escalated)
        {
            if (channel == Channel.Online)
            {
                return new BulkRegistrar(null, null, place.Region.Path);
            }

            var roll = _random.Double();
            var (town, district) = escalated ? (0.45, 0.85) : (0.82, 0.96);
            return roll < town ? place.TownRegistrar : roll < district ? place.District.Bureau : generator._cityRegistrar;
        }

        private DateTimeOffset RegisteredAt(Channel channel, DateTimeOffset receivedAt)
        {
            var delay = channel switch
            {
                Channel.Letter or Channel.Referral or Channel.ThirdParty => TimeSpan.FromHours(_random.Double(18, 72)),
                Channel.Online or Channel.Hotline12345 or Channel.BusinessHotline => TimeSpan.FromMinutes(_random.Double(10, 20 * 60)),
                _ => TimeSpan.FromMinutes(_random.Double(5, 90)),
            };
            var latest = generator._now.AddMinutes(-1);
            return receivedAt + delay < latest ? receivedAt + delay : latest;
        }

        private (string? Code, string? Secret) Tracking()
        {
            string code;
            do
            {
                code = "FQ" + TrackingText(10);
            }
            while (!_trackingCodes.Add(code));

            return (code, TrackingText(8));
        }

        private string TrackingText(int length) =>
            new(Enumerable.Range(0, length).Select(_ => TrackingAlphabet[_random.Int(0, TrackingAlphabet.Length - 1)]).ToArray());

        private string? ChannelReference(Channel channel, DateTimeOffset receivedAt)
        {
            var local = WorkCalendar.LocalDate(receivedAt);
            return channel switch
            {
                Channel.Hotline12345 or Channel.BusinessHotline => string.Create(CultureInfo.InvariantCulture, $"GD{local:yyyyMMdd}{_random.Int(0, 99999):00000}"),
                Channel.Referral => string.Create(CultureInfo.InvariantCulture, $"绍市信转〔{local.Year}〕{_random.Int(1, 999)}号"),
                _ => null,
            };
        }

        /// <summary>Older petitions were mostly classified already; the decision follows what the matter is, unless it was accepted at a set time.</summary>
        private BulkDecision? Decide(
            string category, MatterKind kind, bool returning, Place place, PlaceNames names, BulkRegistrar registrar, DateTimeOffset receivedAt, DateTimeOffset registeredAt,
            DateTimeOffset? acceptedAt)
        {
            if (acceptedAt is { } at)
            {
                return Accepted(place, names, registrar, receivedAt, at);
            }

            var ageDays = (generator._now - receivedAt).TotalDays;
            var classified = ageDays switch
            {
                > 30 => 0.92f,
                > 15 => 0.7f,
                > 5 => 0.35f,
                > 1 => 0.1f,
                _ => 0f,
            };
            if (!_random.Bool(classified))
            {
                return null;
            }

            var text = new PetitionText(_random, _faker, names, WorkCalendar.LocalDate(receivedAt), 1, string.Empty);
            var unitName = registrar.UnitName ?? place.TownRegistrar.UnitName ?? place.Town.Name;
            var decidedAt = registeredAt + TimeSpan.FromHours(_random.Double(2, 24 * 14));
            var latest = generator._now.AddMinutes(-30);
            decidedAt = decidedAt < latest ? decidedAt : latest > registeredAt ? latest : registeredAt;

            var roll = _random.Double();
            var decision = returning && roll < 0.4 ? Decision.NotAccept : kind switch
            {
                MatterKind.Accusation => Decision.ReferToDiscipline,
                MatterKind.Suggestion => roll < 0.85 ? Decision.ConvertToSuggestion : Decision.Accept,
                MatterKind.Dispute => roll < 0.65 ? Decision.ReferToMediation : roll < 0.9 ? Decision.Accept : Decision.Divert,
                MatterKind.LegalRemedy => roll < 0.75 ? Decision.Divert : roll < 0.9 ? Decision.NotAccept : Decision.Accept,
                _ => roll < 0.82 ? Decision.Accept : roll < 0.94 ? Decision.NotAccept : Decision.Divert,
            };

            switch (decision)
            {
                case Decision.Accept:
                    return Accepted(place, names, registrar, receivedAt, decidedAt);
                case Decision.NotAccept:
                    var reason = returning ? PetitionPhrases.NotAcceptReasons[_random.Bool() ? 0 : 3] : _random.ArrayElement(PetitionPhrases.NotAcceptReasons);
                    return new BulkDecision(decision, reason,
                        _random.ArrayElement(PetitionPhrases.NotAcceptNotices).Replace("{理由}", reason, StringComparison.Ordinal), null, decidedAt, unitName);
                case Decision.Divert:
                    var channel = kind == MatterKind.LegalRemedy ? PetitionPhrases.For(category).LegalChannel : LegalChannel.Litigation;
                    var (why, authority) = PetitionPhrases.Diversion(channel);
                    return new BulkDecision(decision, why,
                        text.Fill(PetitionPhrases.DiversionNotice.Replace("{理由}", why, StringComparison.Ordinal).Replace("{机关}", authority, StringComparison.Ordinal)),
                        channel, decidedAt, unitName);
                case Decision.ReferToDiscipline:
                    return new BulkDecision(decision, PetitionPhrases.DisciplineReason, PetitionPhrases.DisciplineNotice, null, decidedAt, unitName);
                case Decision.ConvertToSuggestion:
                    return new BulkDecision(decision, PetitionPhrases.SuggestionReason, text.Fill(PetitionPhrases.SuggestionNotice), null, decidedAt, unitName);
                default:
                    return new BulkDecision(decision, PetitionPhrases.MediationReason, text.Fill(PetitionPhrases.MediationNotice), null, decidedAt, unitName);
            }
        }

        private BulkDecision Accepted(Place place, PlaceNames names, BulkRegistrar registrar, DateTimeOffset receivedAt, DateTimeOffset decidedAt)
        {
            var text = new PetitionText(_random, _faker, names, WorkCalendar.LocalDate(receivedAt), 1, string.Empty);
            var unitName = registrar.UnitName ?? place.TownRegistrar.UnitName ?? place.Town.Name;
            return new BulkDecision(Decision.Accept, null,
                text.Fill(_random.ArrayElement(PetitionPhrases.AcceptNotices).Replace("{收到}", Day(receivedAt), StringComparison.Ordinal).Replace("{单位}", unitName, StringComparison.Ordinal)),
                null, decidedAt, unitName);
        }

        private static string Day(DateTimeOffset instant)
        {
            var day = WorkCalendar.LocalDate(instant);
            return $"{day.Year}年{day.Month}月{day.Day}日";
        }
    }
}
