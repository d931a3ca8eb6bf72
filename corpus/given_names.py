"""Common English-language given names that nearly always name a woman or a man.

Used only as a last hint to match "he" or "she" to a person when the text itself says nothing
of their gender (no title, role word or pronoun). Names that are often given to both (Jordan,
Taylor, Alex, Morgan, Casey, Jamie, Robin, Kelly ...) are left out on purpose: an unknown
gender rules no one out.
"""

from __future__ import annotations

FEMININE = frozenset(
    """abigail ada adriana agnes aisha alexandra alice alicia alison amanda amber amelia amy
    ana andrea angela angelina anita ann anna anne annette april ashley audrey barbara beatrice
    becky belinda beth bethany betty beverly bianca bonnie brenda brianna bridget brittany
    camila carla carmen carol caroline carolyn catherine cecilia charlotte chelsea cheryl
    chloe christina christine cindy claire clara claudia colleen connie constance courtney
    cynthia daisy dana daniela danielle deborah debra denise diana diane donna doris dorothy
    edith eileen elaine eleanor elena elizabeth ella ellen emily emma erica erin esther eva
    evelyn faith fatima fiona florence frances gabriela gabrielle gail gemma georgia gina
    gladys gloria grace hannah harriet hazel heather helen holly ingrid irene iris isabel
    isabella jacqueline jane janet janice jasmine jean jeanne jennifer jenny jessica jill
    joan joanna joanne josephine joy joyce judith judy julia julie june karen katherine
    kathleen kathryn kathy katie kayla kimberly kristen laura lauren leah lillian linda lisa
    lois lorraine louise lucia lucy lydia lynn madeline madison margaret maria marie marilyn
    martha mary maya megan melanie melissa mia michelle mildred miriam molly monica nadia
    nancy naomi natalie nicole nina nora norma olivia paige pamela patricia paula pauline
    peggy penelope phyllis priya rachel rebecca regina rita roberta rosa rosalind rose
    ruth sabrina samantha sandra sara sarah sharon sheila shirley sofia sonia sophia sophie
    stephanie susan suzanne svetlana sylvia tamara tanya teresa theresa tiffany tina tracy
    ursula valerie vanessa veronica victoria virginia vivian wanda wendy yolanda yvonne zoe
    olga tatiana natalia irina elena yelena anastasia""".split()
)

MASCULINE = frozenset(
    """aaron adam adrian ahmed alan albert alexander alfred allen andrew angelo anthony
    antonio arnold arthur barry ben benjamin bernard bill billy bob bobby boris brad bradley
    brandon brian bruce bryan carl carlos charles chris christopher clarence clifford colin
    craig curtis dale dan daniel darren david dean dennis derek diego dmitry donald douglas
    duncan dustin dwayne dylan earl eddie edgar eduardo edward edwin elijah eric ernest
    eugene evan felipe fernando francis francisco frank fred frederick gary gavin geoffrey
    george gerald gilbert glen glenn gordon graham grant greg gregory harold harry harvey
    hector henry herbert howard hugh hugo ian igor isaac ivan jack jacob jake james jared
    jason jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jorge
    jose joseph joshua juan justin keith kenneth kevin kirill kyle larry lawrence lee leo
    leon leonard leonid lewis liam lloyd louis lucas luis luke malcolm marcus mario mark
    martin marvin matthew maurice max michael miguel mike mikhail mitchell muhammad nathan
    neil nicholas nick nigel noah norman oleg oliver oscar owen patrick paul pedro peter
    philip phillip rafael ralph randy raul ray raymond richard rick ricky robert roberto
    rodney roger ron ronald ross roy russell ryan samuel scott sean sergei sergey seth
    shane simon stanley stephen steve steven stuart ted terry theodore thomas tim timothy
    todd tom tommy tony travis trevor troy tyler victor vincent vladimir walter warren
    wayne wesley william willie yuri zachary""".split()
)


def gender_of_given_name(name: str) -> str | None:
    """ "f" or "m" for a full name whose first word is a common given name of that gender."""
    words = name.split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    first = words[0].lower().strip(".,")
    if first in FEMININE:
        return "f"
    if first in MASCULINE:
        return "m"
    return None
