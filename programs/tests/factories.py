import factory

from programs.models import Category, City, Program, Status


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"category-{n}")
    status = Status.PUBLISHED
    name_ko = factory.Sequence(lambda n: f"교류 분야 {n}")
    name_en = factory.Sequence(lambda n: f"Exchange field {n}")
    name_zh_hans = factory.Sequence(lambda n: f"交流领域 {n}")


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    slug = factory.Sequence(lambda n: f"city-{n}")
    status = Status.PUBLISHED
    name_ko = factory.Sequence(lambda n: f"도시 {n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    name_zh_hans = factory.Sequence(lambda n: f"城市 {n}")
    country_ko = "일본"
    country_en = "Japan"
    country_zh_hans = "日本"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    slug = factory.Sequence(lambda n: f"program-{n}")
    status = Status.PUBLISHED
    title_ko = factory.Sequence(lambda n: f"청소년 교류 프로그램 {n}")
    title_en = factory.Sequence(lambda n: f"Youth exchange program {n}")
    title_zh_hans = factory.Sequence(lambda n: f"青少年交流项目 {n}")
    summary_ko = "자매도시 청소년이 서로의 문화를 배웁니다."
    summary_en = "Young people of sister cities learn each other's culture."
    summary_zh_hans = "姐妹城市的青少年相互学习文化。"

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        if create and extracted:
            self.cities.set(extracted)
