namespace AsbOps.Web.Data.Seeding;

/// <summary>Fictional names and phone numbers for demo people and staff.</summary>
internal static class DemoNames
{
    private static readonly string[] FirstNames =
    [
        "Aaliyah", "Adam", "Aisha", "Alfie", "Amara", "Amelia", "Anil", "Anna", "Archie", "Arjun", "Ava", "Bartosz",
        "Ben", "Bethany", "Callum", "Charlotte", "Chloe", "Connor", "Craig", "Daniel", "Darren", "Deepa", "Dylan",
        "Eleanor", "Ellie", "Emily", "Ethan", "Farah", "Fatima", "Freya", "Gareth", "Grace", "Hannah", "Harry",
        "Harvey", "Imran", "Isla", "Jack", "Jade", "James", "Jasmine", "Jayden", "Jessica", "Joanne", "Jordan",
        "Kalpesh", "Karen", "Katie", "Kieran", "Kyle", "Lauren", "Leah", "Liam", "Lily", "Lucy", "Maria", "Mason",
        "Megan", "Mohammed", "Nadia", "Nathan", "Neha", "Niamh", "Noah", "Oliver", "Olivia", "Omar", "Paul", "Priya",
        "Rachel", "Rajesh", "Reece", "Rhys", "Ruby", "Ryan", "Samira", "Sarah", "Shane", "Sophie", "Stacey", "Tariq",
        "Tom", "Tyler", "Wiktoria", "Yusuf", "Zainab", "Zoe", "Maureen", "Derek", "Brian", "Sandra", "Pauline",
    ];

    private static readonly string[] LastNames =
    [
        "Ahmed", "Allen", "Atkinson", "Bailey", "Baker", "Barker", "Bennett", "Bhatt", "Bird", "Brooks", "Butler",
        "Carter", "Chauhan", "Clarke", "Cole", "Cooper", "Cox", "Davies", "Dawson", "Dixon", "Edwards", "Ellis",
        "Evans", "Fisher", "Fletcher", "Foster", "Gill", "Gordon", "Graham", "Green", "Hall", "Harris", "Hayes",
        "Hill", "Holmes", "Hughes", "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan",
        "King", "Knight", "Kowalski", "Lee", "Lewis", "Marsh", "Martin", "Mason", "Mistry", "Moore", "Morgan",
        "Murphy", "Nowak", "O'Brien", "Osei", "Palmer", "Parker", "Patel", "Pearson", "Price", "Reid", "Richards",
        "Roberts", "Robinson", "Rogers", "Russell", "Shaw", "Singh", "Smith", "Spencer", "Stevens", "Taylor",
        "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Wilkinson", "Williams", "Wilson",
        "Wood", "Wright", "Young",
    ];

    public static string FirstName(Random rng) => rng.Pick(FirstNames);

    public static string LastName(Random rng) => rng.Pick(LastNames);

    /// <summary>Ofcom's range reserved for drama (07700 900000–900999): never a real subscriber.</summary>
    public static string Phone(Random rng) => $"07700 900{rng.Next(0, 1000):D3}";
}
